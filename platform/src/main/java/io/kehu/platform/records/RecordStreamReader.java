package io.kehu.platform.records;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.security.Actor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * Streams every record of a query, page by page in id order (keyset: {@code id > last}), reading only the chosen
 * fields: a million records pass through in a few thousand statements, none of them deep offsets, and never sit in
 * memory together. Each page is its own statement, so no transaction or cursor is held open across the caller's work.
 */
final class RecordStreamReader {

    static final int PAGE_SIZE = 5000;

    private final DSLContext dsl;
    private final RecordTable table;
    private final Actor actor;

    RecordStreamReader(DSLContext dsl, RecordTable table, Actor actor) {
        this.dsl = dsl;
        this.table = table;
        this.actor = actor;
    }

    /**
     * Feeds {@code each} every record matching {@code where}, with {@code fieldIds} (all readable fields when empty;
     * unreadable ones are left out, unknown ones refused).
     */
    void forEach(Condition where, List<String> fieldIds, Consumer<Record> each) {
        read(where, fieldIds, true, each);
    }

    /**
     * As {@link #forEach}, in one statement without order or pages: for a look-up by a list of values (a chunk of an
     * import asks for its phones), whose result is about as large as the list. A keyset page ({@code id > last order
     * by id limit n}) lets the planner walk the primary key in order and test every row against the values, hoping
     * to fill the page early: when the values match nothing (the usual case for new rows) it reads the whole table
     * for each look-up.
     */
    void forEachAtOnce(Condition where, List<String> fieldIds, Consumer<Record> each) {
        read(where, fieldIds, false, each);
    }

    private void read(Condition where, List<String> fieldIds, boolean paged, Consumer<Record> each) {
        List<FieldDefinition> fields = chosen(fieldIds);
        List<Field<?>> select = new ArrayList<>(List.of(table.id, table.rowVersion, table.parentId));
        for (FieldDefinition f : fields) {
            if (RecordTable.hasColumn(f)) {
                select.add(table.column(f));
                if (f.storedType() == FieldType.MONEY) {
                    select.add(table.currency(f));
                }
            }
        }
        Map<String, Integer> positions = table.positions(select);
        // Typed JDBC reads (see TypedRows): the select list is rendered once per stream, not once per page, and a
        // page of 5,000 rows skips jOOQ's per-value conversion.
        TypedRows.Columns columns = TypedRows.Columns.of(dsl, select);
        if (!paged) {
            List<Object[]> rows = TypedRows.fetch(dsl.select(columns.sql()).from(table.table).where(where), columns);
            if (!rows.isEmpty()) {
                feed(rows, fields, positions, each);
            }
            return;
        }
        long last = Long.MIN_VALUE;
        while (true) {
            List<Object[]> rows = TypedRows.fetch(dsl.select(columns.sql()).from(table.table).where(where)
                    .and(table.id.gt(last)).orderBy(table.id.asc()).limit(PAGE_SIZE), columns);
            if (rows.isEmpty()) {
                return;
            }
            List<Long> ids = feed(rows, fields, positions, each);
            if (rows.size() < PAGE_SIZE) {
                return;
            }
            last = ids.get(ids.size() - 1);
        }
    }

    /** Hands {@code rows} to {@code each} as records; returns their ids in order. */
    private List<Long> feed(List<Object[]> rows, List<FieldDefinition> fields, Map<String, Integer> positions,
                            Consumer<Record> each) {
        // id, row version and parent lead the select list
        List<Long> ids = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            ids.add((Long) row[0]);
        }
        Map<String, Map<Long, List<String>>> multiselects = new HashMap<>();
        for (FieldDefinition f : fields) {
            if (RecordTable.isMultiselect(f)) {
                multiselects.put(f.id(), sideValues(f, ids));
            }
        }
        for (Object[] row : rows) {
            long id = (Long) row[0];
            LinkedHashMap<String, Object> values = new LinkedHashMap<>();
            for (FieldDefinition f : fields) {
                values.put(f.id(), RecordTable.hasColumn(f) ? table.read(row, f, positions.get(f.id()))
                        : multiselects.get(f.id()).getOrDefault(id, List.of()));
            }
            each.accept(new Record(table.form.id(), id, (Integer) row[1], (Long) row[2],
                    RecordValues.owning(values), null, null, null, null, null, null));
        }
        return ids;
    }

    private List<FieldDefinition> chosen(List<String> fieldIds) {
        if (fieldIds.isEmpty()) {
            return table.form.fields().stream()
                    .filter(RecordTable::holdsValue)
                    .filter(f -> RecordAccess.mayRead(f, actor))
                    .toList();
        }
        List<FieldDefinition> fields = new ArrayList<>();
        for (String id : fieldIds) {
            FieldDefinition f = table.form.field(id).filter(RecordTable::holdsValue)
                    .orElseThrow(() -> new IllegalArgumentException("Form " + table.form.id()
                            + " has no stored field " + id));
            if (RecordAccess.mayRead(f, actor) && !fields.contains(f)) {
                fields.add(f);
            }
        }
        return fields;
    }

    private Map<Long, List<String>> sideValues(FieldDefinition f, List<Long> ids) {
        Map<Long, List<String>> byRecord = new HashMap<>();
        dsl.select(table.sideRecordId(f), table.sideValue(f))
                .from(table.side(f))
                // the ids of a page come in order, those of a look-up (forEachAtOnce) not
                .where(table.sideRecordId(f).between(java.util.Collections.min(ids), java.util.Collections.max(ids)))
                .orderBy(table.sideValue(f))
                .forEach(r -> byRecord.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        return byRecord;
    }
}
