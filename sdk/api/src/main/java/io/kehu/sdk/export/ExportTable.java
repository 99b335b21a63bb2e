package io.kehu.sdk.export;

import java.util.List;
import java.util.function.Consumer;

/**
 * What to export: columns and a lazy source of rows that hands each row to the exporter in turn, so that no list of
 * every row is held in memory. A {@code RecordSearch} is such a source: {@code search::forEach}.
 *
 * @param name the sheet name (XLSX) and a default file name
 * @param columns the columns, in order
 * @param rows calls its argument once per row
 * @param <T> the row type
 */
public record ExportTable<T>(String name, List<ExportColumn<T>> columns, Consumer<Consumer<T>> rows) {

    public ExportTable {
        columns = List.copyOf(columns);
    }
}
