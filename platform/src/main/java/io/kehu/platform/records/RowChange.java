package io.kehu.platform.records;

import java.util.Map;

/**
 * One row of a subtable as the user left it on the record view: a new row ({@code id == null}), a changed one (only
 * its changed fields) or one to remove. {@code index} is the row's position on the screen, so that errors can be shown
 * on the right line.
 */
public record RowChange(int index, Long id, int rowVersion, Map<String, ?> values, boolean remove) {

    public static RowChange added(int index, Map<String, ?> values) {
        return new RowChange(index, null, 0, Map.copyOf(values), false);
    }

    public static RowChange changed(int index, long id, int rowVersion, Map<String, ?> changes) {
        return new RowChange(index, id, rowVersion, Map.copyOf(changes), false);
    }

    public static RowChange removed(int index, long id, int rowVersion) {
        return new RowChange(index, id, rowVersion, Map.of(), true);
    }
}
