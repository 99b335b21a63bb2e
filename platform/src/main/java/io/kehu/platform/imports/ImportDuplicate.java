package io.kehu.platform.imports;

import io.kehu.platform.forms.LocalizedText;

/**
 * One file row that looks like a duplicate, as the dry run found it, for the review.
 *
 * @param row the row number as the user sees it in the file
 * @param column the header of the cell that matched (phone, e-mail or name column)
 * @param value that cell
 * @param reason what it duplicates and why, e.g. "与已有记录“甬江贸易”重复：同一手机号；名称相似度 90%"
 * @param recordId the stored record it duplicates, or {@code null} when it duplicates an earlier row of the file
 *                 (only those with a record can be merged)
 */
public record ImportDuplicate(long row, String column, String value, LocalizedText reason, Long recordId) {

    /** Whether the review may offer {@link DuplicateDecision#MERGE}. */
    public boolean mergeable() {
        return recordId != null;
    }
}
