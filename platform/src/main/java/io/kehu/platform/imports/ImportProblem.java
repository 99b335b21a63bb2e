package io.kehu.platform.imports;

import io.kehu.platform.forms.LocalizedText;

/**
 * One bad cell (or row) of a file.
 *
 * @param row the row number as the user sees it in the file
 * @param column the column's header; empty for a problem of the whole row
 * @param value the cell as in the file
 * @param reason why, in Chinese and English
 */
public record ImportProblem(long row, String column, String value, LocalizedText reason) {
}
