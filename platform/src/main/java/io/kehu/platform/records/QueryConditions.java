package io.kehu.platform.records;

import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.selectOne;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldOption;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.records.RecordQuery.Filter;
import io.kehu.platform.records.RecordQuery.Keyset;
import io.kehu.platform.records.RecordQuery.Operator;
import io.kehu.platform.records.RecordQuery.Sort;
import io.kehu.platform.security.Actor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.Condition;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Turns the filters, quick search, sort and keyset of a {@link RecordQuery} into SQL for one form, on the columns the
 * actor may read. Comparison values are converted like saved values, so {@code "2026-11-23"} filters a date field.
 * Empty values sort as the largest on both databases ({@code NULLS LAST} ascending, {@code NULLS FIRST} descending),
 * which the keyset condition mirrors.
 */
final class QueryConditions {

    private final RecordTable table;
    private final Actor actor;
    private final FieldValues fieldValues;
    private final Binds binds;
    /** PostgreSQL: an {@code IN} list becomes one array bind (see {@link #inArray}). */
    private boolean arrays;
    private boolean semiJoin;
    /** The tables of published forms, for filters through a reference ({@link #throughReference}); none: refused. */
    private java.util.function.Function<String, RecordTable> referenced;
    /** Contributed list columns the actor may read, by id: filterable and sortable besides the form's fields. */
    private java.util.Map<String, ListColumns.Resolved> contributed = java.util.Map.of();
    /** Source tables joined for sorting by a contributed column ({@link #sortColumn}), by table name. */
    private final java.util.Map<String, Joined> joined = new java.util.LinkedHashMap<>();

    /** A source table left-joined to the listed table, for the counting rows of one {@code onlyWhere}. */
    private record Joined(ListColumns.Resolved column, Condition on) {
    }

    /**
     * Lets filters and sorts name the contributed list columns in {@code columns} (those the actor may read, see
     * {@link ListColumns#readable}). Statements using one are rendered every time: their SQL depends on another
     * feature's columns, which the shape cannot describe.
     */
    QueryConditions withListColumns(java.util.Map<String, ListColumns.Resolved> columns) {
        this.contributed = columns;
        return this;
    }

    QueryConditions(RecordTable table, Actor actor, FieldValues fieldValues) {
        this(table, actor, fieldValues, new Binds());
    }

    /**
     * Lets {@code IN} lists of more than one value be one array bind ({@code column = any(?)}) when {@code postgres}:
     * for bulk look-ups (a chunk of an import asks for thousands of phones), where rendering, binding and parsing
     * thousands of single binds cost more than the look-up itself. Same rows as {@code IN}.
     */
    QueryConditions arrayLists(boolean postgres) {
        this.arrays = postgres;
        return this;
    }

    /**
     * As {@link #arrayLists}, rendered as a semi-join on the array ({@code column IN (SELECT unnest(?))}): for
     * look-ups of a chunk's values (see {@link BulkRecords#forEachMatching}). Planned with statistics that lag
     * behind the table (it grew in this transaction), {@code = any(?)} may be tested row by row against the whole
     * array; as a semi-join the same mistake costs one hash join, and with fresh statistics it stays an index
     * look-up per value.
     */
    QueryConditions semiJoinLists(boolean postgres) {
        this.arrays = postgres;
        this.semiJoin = postgres;
        return this;
    }

    /**
     * Lets filters reach through a reference field to the record it points to ({@code customer.account_manager}: the
     * purchases whose customer's account manager is …), with {@code tables} giving a published form's table.
     */
    QueryConditions referencing(java.util.function.Function<String, RecordTable> tables) {
        this.referenced = tables;
        return this;
    }

    /** Conditions whose bind values and shape go to {@code binds} (see {@link RenderedQueries}). */
    QueryConditions(RecordTable table, Actor actor, FieldValues fieldValues, Binds binds) {
        this.table = table;
        this.actor = actor;
        this.fieldValues = fieldValues;
        this.binds = binds;
    }

    /**
     * A filterable or sortable column: a field (money: its amount) or a system column, with the definition its
     * comparison values are converted by.
     */
    private record Column(String name, Field<Object> field, FieldDefinition definition, FieldDefinition formField,
                          ListColumns.Resolved listColumn) {

        Column(String name, Field<Object> field, FieldDefinition definition, FieldDefinition formField) {
            this(name, field, definition, formField, null);
        }

        boolean multiselect() {
            return formField != null && RecordTable.isMultiselect(formField);
        }
    }

    Condition filters(List<Filter> filters) {
        Condition all = noCondition();
        for (Filter f : filters) {
            all = all.and(filter(f));
        }
        return all;
    }

    Condition search(String text) {
        if (text == null || text.isBlank()) {
            return noCondition();
        }
        // The pattern and the matching options are part of the SQL text (see searchIn).
        binds.notCacheable();
        String term = text.strip();
        Condition any = falseCondition();
        for (FieldDefinition f : table.form.fields()) {
            if (f.searchable() && RecordTable.holdsValue(f) && RecordAccess.mayRead(f, actor)) {
                any = any.or(searchIn(f, term));
            }
        }
        return any;
    }

    /**
     * The table the page is read from: the listed table, left-joined with the source of each contributed column the
     * sort or keyset named ({@link #sortColumn}). Call after {@link #orderBy} and {@link #after}.
     */
    org.jooq.Table<?> from() {
        org.jooq.Table<?> from = table.table;
        for (Joined j : joined.values()) {
            from = from.leftJoin(j.column().source.table).on(j.on());
        }
        return from;
    }

    List<SortField<?>> orderBy(List<Sort> sorts) {
        List<SortField<?>> order = new ArrayList<>();
        for (Sort s : sorts) {
            Field<Object> column = sortColumn(s.column()).field();
            binds.shape("sort " + s.column() + (s.descending() ? " desc" : " asc"));
            order.add(s.descending() ? column.desc().nullsFirst() : column.asc().nullsLast());
        }
        order.add(table.id.asc());
        return order;
    }

    /** Rows after {@code position} in the order of {@code sorts}: a lexicographic comparison, id last. */
    Condition after(List<Sort> sorts, Keyset position) {
        if (position == null) {
            return noCondition();
        }
        Condition result = falseCondition();
        Condition equalSoFar = noCondition();
        binds.shape("after");
        for (int i = 0; i < sorts.size(); i++) {
            Sort s = sorts.get(i);
            Field<Object> column = sortColumn(s.column()).field();
            Object value = position.sortValues().get(i);
            binds.shape(s.column() + (s.descending() ? " desc" : " asc") + (value == null ? " empty" : ""));
            Condition later;
            if (s.descending()) {
                later = value == null ? column.isNotNull() : column.lt(binds.value(value, column));
            } else {
                later = value == null ? falseCondition() : column.gt(binds.value(value, column)).or(column.isNull());
            }
            result = result.or(equalSoFar.and(later));
            equalSoFar = equalSoFar.and(value == null ? column.isNull() : column.eq(binds.value(value, column)));
        }
        return result.or(equalSoFar.and(table.id.gt(binds.value(position.id(), table.id))));
    }

    private Condition filter(Filter filter) {
        int dot = filter.column().indexOf('.');
        if (dot > 0) {
            return throughReference(filter, filter.column().substring(0, dot), filter.column().substring(dot + 1));
        }
        Column c = column(filter.column());
        Operator op = filter.operator();
        binds.shape("filter " + c.name() + " " + op);
        if (c.multiselect()) {
            return multiselectFilter(c, op, filter.values());
        }
        if (c.listColumn() != null) {
            ListColumns.Resolved lc = c.listColumn();
            if (!lc.column.operators().contains(op)) {
                throw badQuery("List column " + c.name() + " cannot be filtered with " + op);
            }
            boolean equalsEmpty = op == Operator.EQUALS && filter.values().size() == 1
                    && filter.values().get(0) == null;
            if (lc.singleRow() && SEMI_JOINABLE.contains(op) && !equalsEmpty) {
                // asked of the source rows: the database can start from the source's index (risk ≥ 70)
                Column inner = new Column(c.name(), lc.plainValue(), c.definition(), c.formField());
                return lc.semiJoin(table, actor, comparison(inner, filter));
            }
        }
        return comparison(c, filter);
    }

    /**
     * Comparisons true only for a present value: on a contributed column with one counting row per record they hold
     * for a record exactly when they hold for its source row. (Not-equals and is-empty also hold for records without
     * one.)
     */
    private static final java.util.Set<Operator> SEMI_JOINABLE = java.util.EnumSet.of(Operator.EQUALS,
            Operator.CONTAINS, Operator.STARTS_WITH, Operator.GREATER, Operator.GREATER_OR_EQUAL, Operator.LESS,
            Operator.LESS_OR_EQUAL, Operator.BETWEEN, Operator.IN, Operator.IS_NOT_EMPTY);

    private Condition comparison(Column c, Filter filter) {
        Field<Object> column = c.field();
        List<Object> values = filter.values();
        Operator op = filter.operator();
        return switch (op) {
            case EQUALS -> {
                Object v = converted(c, one(filter));
                if (v == null) {
                    binds.shape("empty");
                    yield column.isNull();
                }
                yield column.eq(binds.value(v, column));
            }
            case NOT_EQUALS -> column.isDistinctFrom(binds.value(converted(c, one(filter)), column));
            case CONTAINS -> {
                Field<String> text = asText(column);
                yield text.containsIgnoreCase(binds.value(text(one(filter)), text));
            }
            case STARTS_WITH -> {
                Field<String> text = asText(column);
                yield text.startsWithIgnoreCase(binds.value(text(one(filter)), text));
            }
            case GREATER -> column.gt(bound(c, one(filter)));
            case GREATER_OR_EQUAL -> column.ge(bound(c, one(filter)));
            case LESS -> column.lt(bound(c, one(filter)));
            case LESS_OR_EQUAL -> column.le(bound(c, one(filter)));
            case BETWEEN -> {
                requireCount(filter, 2);
                yield column.between(bound(c, values.get(0)), bound(c, values.get(1)));
            }
            case IN -> values.isEmpty() ? falseCondition()
                    : arrays && values.size() > 1 ? inArray(c, values)
                    : column.in(values.stream().map(v -> bound(c, v)).toList());
            case IS_EMPTY -> column.isNull();
            case IS_NOT_EMPTY -> column.isNotNull();
            case CONTAINS_ANY -> throw badQuery("contains-any needs a multiselect field, not " + c.name());
        };
    }

    /**
     * A filter on a field of the record that reference field {@code via} points to, e.g. {@code customer.account_manager
     * in (7)} on purchases: a semi-join {@code customer in (select id from <customer> where deleted_at is null and
     * account_manager in (7))}, which both databases run over the indexes of the reference column and of the field (a
     * reference and a user field are always indexed). The actor must be allowed to read the reference field and the
     * field behind it; which purchases they see at all stays the visibility's concern. {@code rest} may reach further
     * ({@code customer.company.region}).
     */
    private Condition throughReference(Filter filter, String via, String rest) {
        FieldDefinition reference = table.form.field(via).filter(f -> f.storedType() == FieldType.REFERENCE)
                .orElseThrow(() -> badQuery("Form " + table.form.id() + " has no reference field " + via));
        Column viaColumn = column(via); // checks the actor may read it
        if (referenced == null) {
            throw badQuery("Filters through reference " + via + " are not offered here");
        }
        RecordTable target = referenced.apply(reference.form());
        if (target.form.id().equals(table.form.id())) {
            throw badQuery("A filter through " + via + " would refer to form " + table.form.id() + " itself");
        }
        binds.shape("through " + via).alsoOf(target);
        Condition onTarget = new QueryConditions(target, actor, fieldValues, binds).arrayLists(arrays)
                .referencing(referenced).filter(new Filter(rest, filter.operator(), filter.values()));
        return viaColumn.field().in(DSL.select(target.id).from(target.table).where(target.deletedAt.isNull())
                .and(onTarget));
    }

    private Condition multiselectFilter(Column c, Operator op, List<Object> values) {
        FieldDefinition f = c.formField();
        var side = table.side(f);
        var exists = selectOne().from(side).where(table.sideRecordId(f).eq(table.id));
        return switch (op) {
            case CONTAINS_ANY, IN, EQUALS -> {
                List<String> wanted = new ArrayList<>();
                for (Object v : values) {
                    Object converted = converted(c, v);
                    if (converted instanceof List<?> list) {
                        list.forEach(item -> wanted.add((String) item));
                    }
                }
                Field<String> sideValue = table.sideValue(f);
                yield wanted.isEmpty() ? falseCondition()
                        : DSL.exists(exists.and(sideValue.in(wanted.stream().map(w -> binds.value(w, sideValue))
                        .toList())));
            }
            case IS_EMPTY -> DSL.notExists(exists);
            case IS_NOT_EMPTY -> DSL.exists(exists);
            default -> throw badQuery(op + " does not apply to multiselect field " + c.name()
                    + "; use CONTAINS_ANY, IS_EMPTY or IS_NOT_EMPTY");
        };
    }

    private Condition searchIn(FieldDefinition f, String term) {
        FieldType type = f.storedType();
        if (type == FieldType.SELECT || type == FieldType.MULTISELECT) {
            String lower = term.toLowerCase(Locale.ROOT);
            List<String> matching = f.options().stream()
                    .filter(o -> optionMatches(o, lower))
                    .map(FieldOption::value)
                    .toList();
            if (matching.isEmpty()) {
                return falseCondition();
            }
            if (type == FieldType.SELECT) {
                return table.column(f).in(matching);
            }
            return DSL.exists(selectOne().from(table.side(f))
                    .where(table.sideRecordId(f).eq(table.id)).and(table.sideValue(f).in(matching)));
        }
        // The pattern goes into the SQL as an (escaped) literal, not a bind value: with a bind value PostgreSQL
        // eventually switches to a generic plan that cannot use the trigram index and walks the primary key instead
        // (seconds on a million rows; see SearchIndexes and docs/benchmarks.md).
        return asText(table.column(f)).likeIgnoreCase(DSL.inline("%" + escapeLike(term) + "%"), LIKE_ESCAPE);
    }

    private static final char LIKE_ESCAPE = '!';

    private static String escapeLike(String term) {
        StringBuilder escaped = new StringBuilder(term.length() + 4);
        for (char c : term.toCharArray()) {
            if (c == LIKE_ESCAPE || c == '%' || c == '_') {
                escaped.append(LIKE_ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private static boolean optionMatches(FieldOption option, String lowerTerm) {
        LocalizedText label = option.label();
        return option.value().toLowerCase(Locale.ROOT).contains(lowerTerm)
                || label.zh() != null && label.zh().toLowerCase(Locale.ROOT).contains(lowerTerm)
                || label.en() != null && label.en().toLowerCase(Locale.ROOT).contains(lowerTerm);
    }

    private Column sortColumn(String name) {
        Column c = column(name);
        if (c.multiselect()) {
            throw badQuery("Multiselect field " + name + " cannot be sorted");
        }
        if (c.listColumn() != null && !c.listColumn().column.sortable()) {
            throw badQuery("List column " + name + " cannot be sorted");
        }
        if (c.listColumn() != null && c.listColumn().singleRow()) {
            return joinedColumn(c);
        }
        return c;
    }

    /**
     * A single-row contributed column read from its source table left-joined to the list ({@link #from}): sorting
     * a million records by it is one join and one sort, not a sub-select per record. The source table is joined
     * under its own name, once: a second column of the same table with other counting rows keeps its sub-select.
     */
    private Column joinedColumn(Column c) {
        ListColumns.Resolved lc = c.listColumn();
        String key = lc.source.table.getName();
        Joined j = joined.get(key);
        if (j == null) {
            j = new Joined(lc, lc.joinOn(table, actor));
            joined.put(key, j);
            binds.shape("join " + key + " " + lc.column.onlyWhere());
        } else if (!java.util.Objects.equals(j.column().column.onlyWhere(), lc.column.onlyWhere())) {
            return c;
        }
        return new Column(c.name(), lc.plainValue(), c.definition(), c.formField(), lc);
    }

    /** Resolves a field id or system column the actor may read. */
    @SuppressWarnings("unchecked")
    private Column column(String name) {
        Field<?> system = table.systemColumn(name);
        if (system != null) {
            FieldType type = system.getDataType().isDateTime() ? FieldType.DATETIME : FieldType.INTEGER;
            return new Column(name, (Field<Object>) system, FieldDefinition.of(name, type), null);
        }
        ListColumns.Resolved listColumn = table.form.field(name).isPresent() ? null : contributed.get(name);
        if (listColumn != null) {
            binds.notCacheable();
            return new Column(name, listColumn.valueOf(table, actor), comparisonDefinition(listColumn.display),
                    listColumn.display, listColumn);
        }
        FieldDefinition f = table.form.field(name)
                .filter(RecordTable::holdsValue)
                .orElseThrow(() -> badQuery("Form " + table.form.id() + " has no stored field or list column "
                        + name));
        if (!RecordAccess.mayRead(f, actor)) {
            throw new RecordAccessDeniedException(f.id(), LocalizedText.of(
                    actor.username() + " 无权查看字段“" + f.id() + "”", actor.username() + " may not read field "
                            + f.id() + " of form " + table.form.id()));
        }
        if (RecordTable.isMultiselect(f)) {
            return new Column(name, null, f, f);
        }
        return new Column(name, table.column(f), comparisonDefinition(f), f);
    }

    /**
     * How comparison values of {@code f} are converted: like its values, except that numbers may have any number of
     * digits after the point (a filter "greater than 12.345" is fine) and money compares its amount.
     */
    private static FieldDefinition comparisonDefinition(FieldDefinition f) {
        return switch (f.storedType()) {
            case DECIMAL, PERCENT, MONEY -> FieldDefinition.builder(f.id(), FieldType.DECIMAL)
                    .label(f.label()).scale(10).build();
            default -> f;
        };
    }

    private Object converted(Column c, Object raw) {
        FieldValues.Converted converted = fieldValues.convert(c.definition(), raw);
        if (!converted.ok()) {
            throw new RecordValidationException(List.of(converted.error()));
        }
        return converted.value();
    }

    private Field<Object> bound(Column c, Object raw) {
        Object v = converted(c, raw);
        if (v == null) {
            throw badQuery("A comparison with " + c.name() + " needs a value");
        }
        return binds.value(v, c.field());
    }

    /** {@code column = any(?)} with the converted {@code values} as one array of the column's type. */
    private Condition inArray(Column c, List<Object> values) {
        DataType<Object> type = c.field().getDataType();
        Object[] array = (Object[]) java.lang.reflect.Array.newInstance(type.getType(), values.size());
        for (int i = 0; i < array.length; i++) {
            Object v = converted(c, values.get(i));
            if (v == null) {
                throw badQuery("A comparison with " + c.name() + " needs a value");
            }
            array[i] = type.convert(v);
        }
        if (semiJoin) {
            binds.shape("in unnest");
            return c.field().in(DSL.select(DSL.field(DSL.name("u", "v"), type))
                    .from(DSL.unnest(binds.array(array, type.getArrayDataType())).as("u", "v")));
        }
        binds.shape("any");
        return c.field().eq(DSL.any(binds.array(array, type.getArrayDataType())));
    }

    private static Field<String> asText(Field<Object> column) {
        return column.getDataType().isString() ? column.coerce(SQLDataType.VARCHAR)
                : column.cast(SQLDataType.VARCHAR(4000));
    }

    private static String text(Object raw) {
        if (raw == null) {
            throw badQuery("contains and starts-with need a text");
        }
        return raw instanceof java.math.BigDecimal d ? d.toPlainString() : raw.toString();
    }

    private static Object one(Filter filter) {
        requireCount(filter, 1);
        return filter.values().get(0);
    }

    private static void requireCount(Filter filter, int count) {
        if (filter.values().size() != count) {
            throw badQuery(filter.operator() + " on " + filter.column() + " needs " + count + " value(s), got "
                    + filter.values().size());
        }
    }

    private static IllegalArgumentException badQuery(String message) {
        return new IllegalArgumentException(message);
    }
}
