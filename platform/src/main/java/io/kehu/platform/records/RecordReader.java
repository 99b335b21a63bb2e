package io.kehu.platform.records;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldOption;
import io.kehu.platform.security.Actor;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/**
 * Reads rows of a form's table into {@link Record}s: the own-table columns in one query, each multiselect side table
 * in one more query per page, and only the fields the reader may see.
 */
final class RecordReader {

    private final DSLContext dsl;
    private final RecordTable table;
    private final RenderedQueries rendered;
    private final boolean customPlans;
    /** What pages are read from: the form's table, or it joined with contributed columns' sources. */
    private org.jooq.Table<?> readFrom;

    RecordReader(DSLContext dsl, RecordTable table) {
        this(dsl, table, null);
    }

    /** A reader whose {@link Binds}-collected statements reuse SQL rendered earlier ({@link RenderedQueries}). */
    RecordReader(DSLContext dsl, RecordTable table, RenderedQueries rendered) {
        this(dsl, table, rendered, false);
    }

    /**
     * As {@link #RecordReader(DSLContext, RecordTable, RenderedQueries)}; {@code customPlans}: {@code dsl} is the
     * {@link io.kehu.platform.storage.CustomPlanReads} one on a transaction's connection, so statements sent around
     * jOOQ must go unnamed as that context's own do.
     */
    RecordReader(DSLContext dsl, RecordTable table, RenderedQueries rendered, boolean customPlans) {
        this.dsl = dsl;
        this.table = table;
        this.rendered = rendered;
        this.customPlans = customPlans;
        this.readFrom = table.table;
    }

    /** Reads from {@code joined} (the form's table left-joined with sources, see {@link QueryConditions#from}). */
    RecordReader from(org.jooq.Table<?> joined) {
        this.readFrom = joined;
        return this;
    }

    /**
     * Records matching {@code where}, in {@code order}, with the fields {@code actor} may read; {@code where} and
     * {@code order} were built with {@code binds}, so the SQL of a statement of the same shape is reused.
     */
    List<Record> fetch(Binds binds, Condition where, List<SortField<?>> order, int offset, int limit, Actor actor) {
        return fetch(binds, where, order, offset, limit, f -> RecordAccess.mayRead(f, actor), true, List.of());
    }

    /**
     * As {@link #fetch(Binds, Condition, List, int, int, Actor)}, each record also carrying the values of the
     * contributed list columns {@code extras} (read in the same statement, see {@link ListColumns}).
     */
    List<Record> fetch(Binds binds, Condition where, List<SortField<?>> order, int offset, int limit, Actor actor,
                       List<ListColumns.Resolved> extras) {
        return fetch(binds, where, order, offset, limit, f -> RecordAccess.mayRead(f, actor), true,
                extras.isEmpty() ? List.of() : extras.stream().map(e -> ExtraColumn.of(e, table, actor)).toList());
    }

    /** A contributed column's value (and a money value's currency) as select-list parts. */
    private record ExtraColumn(ListColumns.Resolved column, List<Field<?>> select) {

        static ExtraColumn of(ListColumns.Resolved column, RecordTable target, Actor actor) {
            return new ExtraColumn(column, column.display.storedType() == io.kehu.platform.forms.FieldType.MONEY
                    ? List.of(column.valueOf(target, actor), column.currencyOf(target, actor))
                    : List.of(column.valueOf(target, actor)));
        }
    }

    /** Records matching {@code where}, in {@code order}, with every field (the write path's view). */
    List<Record> fetch(Condition where, List<SortField<?>> order, int offset, int limit) {
        return fetch(where, order, offset, limit, f -> true);
    }

    /** Records matching {@code where}, in {@code order}, with the fields {@code actor} may read. */
    List<Record> fetch(Condition where, List<SortField<?>> order, int offset, int limit, Actor actor) {
        return fetch(where, order, offset, limit, f -> RecordAccess.mayRead(f, actor));
    }

    /**
     * Records matching {@code where} with every field but without who created, changed or deleted them and when
     * ({@code null} in the records): for bulk writes nobody asks those of, since parsing the timestamps is a good
     * part of reading a row.
     */
    List<Record> fetchValues(Condition where, int limit) {
        return fetch(where, List.of(), 0, limit, f -> true, false);
    }

    private List<Record> fetch(Condition where, List<SortField<?>> order, int offset, int limit,
                               Predicate<FieldDefinition> readable) {
        return fetch(where, order, offset, limit, readable, true);
    }

    private List<Record> fetch(Condition where, List<SortField<?>> order, int offset, int limit,
                               Predicate<FieldDefinition> readable, boolean withMetadata) {
        return fetch(null, where, order, offset, limit, readable, withMetadata, List.of());
    }

    private List<Record> fetch(Binds binds, Condition where, List<SortField<?>> order, int offset, int limit,
                               Predicate<FieldDefinition> readable, boolean withMetadata, List<ExtraColumn> extras) {
        List<Field<?>> select = withMetadata ? table.selectList() : table.valueSelectList();
        // Typed JDBC reads of a select list rendered once per form version (see TypedRows): same statement, same
        // value types, without jOOQ's per-value conversion.
        TypedRows.Columns columns = table.typedColumns(dsl, select);
        // Contributed columns follow the rendered list as ordinary jOOQ parts (their sub-selects have bind values).
        List<org.jooq.SelectFieldOrAsterisk> selected = new ArrayList<>();
        selected.add(columns.sql());
        if (!extras.isEmpty()) {
            List<TypedRows.Kind> kinds = new ArrayList<>(List.of(columns.kinds()));
            for (ExtraColumn extra : extras) {
                selected.addAll(extra.select());
                extra.select().forEach(f -> kinds.add(TypedRows.Kind.of(f)));
            }
            columns = new TypedRows.Columns(columns.sql(), kinds.toArray(TypedRows.Kind[]::new));
            if (binds != null) {
                binds.notCacheable();
            }
        }
        TypedRows.Columns readAs = columns;
        List<Object[]> rows;
        if (binds == null || rendered == null) {
            rows = TypedRows.fetch(dsl.select(selected).from(readFrom).where(where).orderBy(order)
                    .offset(offset).limit(limit), columns);
        } else {
            binds.shape(withMetadata ? "select all" : "select values");
            if (offset == 0) {
                // A first page (and a single record) sends its size in the SQL and no offset: PostgreSQL prices a
                // generic plan with an unknown offset as if it skipped rows, finds it dearer than planning with the
                // values and so plans such a statement at every execution even when it is server-prepared. With the
                // size written in, the plan is the same for every call and is planned once per connection. The size
                // is part of the shape; page sizes are a handful of values.
                binds.shape("first " + limit);
                rows = rendered.fetch(dsl, table, binds,
                        () -> dsl.select(selected).from(readFrom).where(where).orderBy(order)
                                .limit(DSL.inline(limit)), readAs, customPlans);
            } else {
                Param<Integer> from = binds.number(offset);
                Param<Integer> size = binds.number(limit);
                rows = rendered.fetch(dsl, table, binds,
                        () -> dsl.select(selected).from(readFrom).where(where).orderBy(order).offset(from)
                                .limit(size), readAs, customPlans);
            }
        }
        // The system columns lead the select list (see RecordTable): read by position, not looked up by name.
        List<Long> ids = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            ids.add((Long) row[0]);
        }
        Map<String, Map<Long, List<String>>> multiselects = new HashMap<>();
        for (FieldDefinition f : table.form.fields()) {
            if (RecordTable.isMultiselect(f) && readable.test(f) && !ids.isEmpty()) {
                multiselects.put(f.id(), sideValues(f, ids));
            }
        }
        // Which fields the reader sees, and where their columns are, is decided once per readable set and form
        // version (kept by the table), not once per page or row.
        PageLayout page = extras.isEmpty() ? table.pageLayout(select, withMetadata, readable)
                : PageLayout.of(table, PageLayout.shownMask(table, readable), table.positions(select),
                extras.stream().map(e -> e.column().id()).toList());
        FieldDefinition[] shown = page.shown();
        int[] shownAt = page.shownAt();
        CompactValues.Layout layout = page.layout();
        List<Record> records = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            long id = (Long) row[0];
            Object[] values = new Object[layout.size()];
            for (int i = 0; i < shown.length; i++) {
                FieldDefinition f = shown[i];
                int at = shownAt[i];
                values[i] = at >= 0 ? table.read(row, f, at)
                        : multiselects.getOrDefault(f.id(), Map.of()).getOrDefault(id, List.of());
            }
            int extraAt = select.size();
            int slot = shown.length;
            for (ExtraColumn extra : extras) {
                values[slot++] = table.read(row, extra.column().display, extraAt);
                extraAt += extra.select().size();
            }
            Integer version = (Integer) row[1];
            Long parent = (Long) row[2];
            records.add(withMetadata
                    ? new Record(table.form.id(), id, version, parent, RecordValues.owning(layout.row(values)),
                    RecordTable.utc((OffsetDateTime) row[3]), (Long) row[4],
                    RecordTable.utc((OffsetDateTime) row[5]), (Long) row[6],
                    RecordTable.utc((OffsetDateTime) row[7]), (Long) row[8])
                    : new Record(table.form.id(), id, version, parent, RecordValues.owning(layout.row(values)), null, null, null,
                    null, null, null));
        }
        return records;
    }

    /** The chosen values per record id, in the options' display order. */
    private Map<Long, List<String>> sideValues(FieldDefinition f, List<Long> ids) {
        List<String> order = f.options().stream().map(FieldOption::value).toList();
        Map<Long, List<String>> byRecord = new HashMap<>();
        dsl.select(table.sideRecordId(f), table.sideValue(f))
                .from(table.side(f))
                .where(table.sideRecordId(f).in(ids))
                .forEach(r -> byRecord.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        byRecord.replaceAll((id, values) -> values.stream()
                .sorted(Comparator.comparingInt((String v) -> order.indexOf(v)).thenComparing(v -> v))
                .toList());
        return byRecord;
    }
}
