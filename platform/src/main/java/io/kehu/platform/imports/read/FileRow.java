package io.kehu.platform.imports.read;

import java.util.List;

/**
 * One data row of an import file.
 *
 * @param number the row's number as the user sees it: the spreadsheet row, or the CSV record counting the header as 1
 * @param cells the cells as text, by column position (shorter than the header when the row ends early)
 */
public record FileRow(long number, List<String> cells) {

    public FileRow {
        cells = List.copyOf(cells);
    }

    /** The cell of column {@code index}, {@code ""} when the row has no such cell. */
    public String cell(int index) {
        return index < cells.size() ? cells.get(index) : "";
    }

    /** Whether every cell is blank: such rows are skipped, as spreadsheets often end with them. */
    public boolean isBlank() {
        return cells.stream().allMatch(String::isBlank);
    }
}
