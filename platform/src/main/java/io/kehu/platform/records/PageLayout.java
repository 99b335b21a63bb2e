package io.kehu.platform.records;

import io.kehu.platform.forms.FieldDefinition;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which fields the rows of a page show and where each one's value sits in the statement's row: the same for every
 * page a reader with the same readable fields reads from one form version, so {@link RecordTable} keeps it.
 *
 * <p>Why (issue 15, read (a), JFR profile in docs/benchmarks.md): deciding it for every page (a permission check, a
 * position look-up and an index of 45 keys) was about a twentieth of a list page's JVM time.
 *
 * @param shown the fields shown, in form order
 * @param shownAt for each shown field, its column's position in the row, or -1 for a multi-select (side table)
 * @param layout the shown fields' ids followed by the ids of {@code extras}, shared by the page's rows
 */
record PageLayout(FieldDefinition[] shown, int[] shownAt, CompactValues.Layout layout) {

    /**
     * The fields of {@code table} that {@code readable} lets through and that have a value to show, as a mask over
     * the form's fields (the key under which a layout is kept).
     */
    static BitSet shownMask(RecordTable table, Predicate<FieldDefinition> readable) {
        List<FieldDefinition> fields = table.form.fields();
        BitSet mask = new BitSet(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            FieldDefinition f = fields.get(i);
            if ((RecordTable.hasColumn(f) || RecordTable.isMultiselect(f)) && readable.test(f)) {
                mask.set(i);
            }
        }
        return mask;
    }

    /** The layout of the fields in {@code mask}, read with positions {@code positions}, then {@code extraIds}. */
    static PageLayout of(RecordTable table, BitSet mask, Map<String, Integer> positions, List<String> extraIds) {
        List<FieldDefinition> fields = table.form.fields();
        FieldDefinition[] shown = new FieldDefinition[mask.cardinality()];
        int[] shownAt = new int[shown.length];
        List<String> keys = new ArrayList<>(shown.length + extraIds.size());
        int n = 0;
        for (int i = mask.nextSetBit(0); i >= 0; i = mask.nextSetBit(i + 1)) {
            FieldDefinition f = fields.get(i);
            shown[n] = f;
            shownAt[n] = RecordTable.hasColumn(f) ? positions.get(f.id()) : -1;
            keys.add(f.id());
            n++;
        }
        keys.addAll(extraIds);
        return new PageLayout(shown, shownAt, new CompactValues.Layout(keys));
    }
}
