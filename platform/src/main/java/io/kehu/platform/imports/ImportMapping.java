package io.kehu.platform.imports;

import java.util.List;
import java.util.Objects;

/**
 * Which file column fills which field. Columns are told apart by position, so two columns with the same header can go
 * to different fields (or one be ignored).
 *
 * @param columns one entry per file column, in order
 * @param keyFields the fields that find the existing record in {@link ImportMode#UPSERT} and {@link ImportMode#UPDATE}
 */
public record ImportMapping(List<Column> columns, List<String> keyFields) {

    public ImportMapping {
        columns = List.copyOf(columns);
        keyFields = keyFields == null ? List.of() : List.copyOf(keyFields);
    }

    /**
     * One file column.
     *
     * @param index the column's position, from 0
     * @param header the header cell as in the file
     * @param fieldId the field it fills, or {@code null} when ignored
     */
    public record Column(int index, String header, String fieldId) {
    }

    /** The column mapped to {@code fieldId}, if any. */
    public java.util.Optional<Column> columnOf(String fieldId) {
        return columns.stream().filter(c -> Objects.equals(c.fieldId(), fieldId)).findFirst();
    }

    /** This mapping with column {@code index} sent to {@code fieldId} ({@code null}: ignored). */
    public ImportMapping with(int index, String fieldId) {
        return new ImportMapping(columns.stream().map(c -> c.index() == index ? new Column(index, c.header(), fieldId)
                : c).toList(), keyFields);
    }

    public ImportMapping withKeys(List<String> keys) {
        return new ImportMapping(columns, keys);
    }
}
