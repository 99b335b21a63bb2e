package io.kehu.platform.records;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.records.RecordAggregation.Function;
import io.kehu.platform.records.RecordAggregation.Measure;
import io.kehu.platform.security.Actor;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jooq.AggregateFilterStep;
import org.jooq.CaseConditionStep;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Runs a {@link RecordAggregation} as one {@code SELECT ... GROUP BY} over the records an actor may see, on columns
 * the actor may read, and reads the groups through a database cursor: at once when they are few (periods, options,
 * users), in portions when they may be millions (the caller holds a transaction, which PostgreSQL needs to fetch a
 * cursor in portions).
 */
final class AggregateReader {

    private static final int FETCH_SIZE = 10_000;

    private final DSLContext dsl;
    private final RecordTable table;
    private final Actor actor;
    private final Visibility visibility;
    private final FieldValues fieldValues;
    private final java.util.function.Function<String, RecordTable> publishedTables;

    AggregateReader(DSLContext dsl, RecordTable table, Actor actor, Visibility visibility, FieldValues fieldValues,
                    java.util.function.Function<String, RecordTable> publishedTables) {
        this.dsl = dsl;
        this.publishedTables = publishedTables;
        this.table = table;
        this.actor = actor;
        this.visibility = visibility;
        this.fieldValues = fieldValues;
    }

    void forEach(RecordAggregation aggregation, Consumer<RecordAggregation.Row> each) {
        QueryConditions conditions = new QueryConditions(table, actor, fieldValues).referencing(publishedTables);
        List<Field<?>> groups = new ArrayList<>();
        List<FieldDefinition> groupDefinitions = new ArrayList<>();
        List<String> groupKeys = new ArrayList<>();
        Condition inSomeSegment = DSL.noCondition();
        if (!aggregation.segments().isEmpty()) {
            // CASE WHEN <segment 0> THEN 0 WHEN <segment 1> THEN 1 ... END, the first match wins
            CaseConditionStep<Integer> segment = null;
            Condition any = DSL.falseCondition();
            for (int i = 0; i < aggregation.segments().size(); i++) {
                Condition c = conditions.filters(aggregation.segments().get(i));
                segment = segment == null ? DSL.when(c, DSL.inline(i)) : segment.when(c, DSL.inline(i));
                any = any.or(c);
            }
            groups.add(segment);
            groupDefinitions.add(null);
            groupKeys.add(RecordAggregation.SEGMENT);
            inSomeSegment = any;
        }
        for (String column : aggregation.groupBy()) {
            Resolved r = resolve(column);
            if (r.definition() != null && (r.definition().storedType() == FieldType.MONEY
                    || RecordTable.isMultiselect(r.definition()))) {
                throw new IllegalArgumentException("Cannot group by money or multiselect field " + column);
            }
            groups.add(r.field());
            groupDefinitions.add(r.definition());
            groupKeys.add(column);
        }
        List<Field<?>> measures = new ArrayList<>();
        for (int i = 0; i < aggregation.measures().size(); i++) {
            Measure m = aggregation.measures().get(i);
            AggregateFilterStep<?> function = measure(m);
            Field<?> filtered = m.filters().isEmpty() ? function : function.filterWhere(conditions.filters(m.filters()));
            measures.add(filtered.as("m" + i));
        }
        if (measures.isEmpty() && groups.isEmpty()) {
            throw new IllegalArgumentException("An aggregation needs at least one group or measure");
        }
        Condition where = table.deletedAt.isNull()
                .and(visibility.of(table, actor))
                .and(conditions.filters(aggregation.filters()))
                .and(inSomeSegment);
        List<Field<?>> select = new ArrayList<>(groups);
        select.addAll(measures);
        List<SortField<?>> order = groups.stream().<SortField<?>>map(g -> g.asc().nullsLast()).toList();
        // Keys and field definitions once per query, not per group: a million groups stream through this loop.
        List<Measure> measureList = aggregation.measures();
        String[] measureKeys = new String[measureList.size()];
        FieldDefinition[] measured = new FieldDefinition[measureList.size()];
        for (int m = 0; m < measureList.size(); m++) {
            measureKeys[m] = measureList.get(m).key();
            Function function = measureList.get(m).function();
            measured[m] = (function == Function.MIN || function == Function.MAX) && measureList.get(m).since() == null
                    ? resolve(measureList.get(m).column()).definition() : null;
        }
        // A segment's CASE holds the comparison values; as bind values PostgreSQL would see the CASE in SELECT and
        // in GROUP BY as two different expressions, so such a query goes to the database with inlined values.
        DSLContext sql = aggregation.segments().isEmpty() ? dsl : DSL.using(dsl.configuration()
                .deriveSettings(s -> s.withStatementType(StatementType.STATIC_STATEMENT)));
        var query = sql.select(select).from(table.table).where(where).groupBy(groups).orderBy(order);
        // Few groups are read at once; only groups that can run into the millions are streamed in portions. Reading
        // in portions (a fetch size) makes the driver execute through a portal with a row count, and PostgreSQL runs
        // such a query without parallel workers: a dashboard's GROUP BY over ten million rows took 2-3 times as long.
        try (Cursor<org.jooq.Record> cursor = fewGroups(groupKeys, groupDefinitions) ? query.fetchLazy()
                : query.fetchSize(FETCH_SIZE).fetchLazy()) {
            for (org.jooq.Record row : cursor) {
                Map<String, Object> groupValues = new LinkedHashMap<>();
                for (int g = 0; g < groups.size(); g++) {
                    Object raw = row.get(g);
                    groupValues.put(groupKeys.get(g), RecordAggregation.SEGMENT.equals(groupKeys.get(g))
                            ? Integer.valueOf(((Number) raw).intValue()) : typed(raw, groupDefinitions.get(g)));
                }
                Map<String, Object> measureValues = new LinkedHashMap<>();
                for (int m = 0; m < measures.size(); m++) {
                    measureValues.put(measureKeys[m],
                            measureValue(measureList.get(m), measured[m], row.get(groups.size() + m)));
                }
                each.accept(new RecordAggregation.Row(groupValues, measureValues));
            }
        }
    }

    /**
     * Whether the groups are bounded by the configuration rather than the data: periods (segments) and fields whose
     * values are options, users, yes/no or ratings.
     */
    private static boolean fewGroups(List<String> keys, List<FieldDefinition> definitions) {
        for (int g = 0; g < keys.size(); g++) {
            if (RecordAggregation.SEGMENT.equals(keys.get(g))) {
                continue;
            }
            FieldDefinition d = definitions.get(g);
            if (d == null || !java.util.EnumSet.of(FieldType.SELECT, FieldType.USER, FieldType.BOOLEAN,
                    FieldType.RATING).contains(d.storedType())) {
                return false;
            }
        }
        return true;
    }

    private AggregateFilterStep<?> measure(Measure measure) {
        if (measure.function() == Function.COUNT) {
            return DSL.count();
        }
        Resolved r = resolve(measure.column());
        if (measure.function() == Function.COUNT_DISTINCT) {
            return DSL.countDistinct(r.field());
        }
        if (measure.since() != null) {
            Field<BigDecimal> seconds = seconds(r, measure.column()).minus(seconds(resolve(measure.since()),
                    measure.since()));
            return switch (measure.function()) {
                case SUM -> DSL.sum(seconds);
                case AVG -> DSL.avg(seconds);
                case MIN -> DSL.min(seconds);
                case MAX -> DSL.max(seconds);
                case PERCENTILE -> percentile(measure, seconds);
                default -> throw new AssertionError(measure.function());
            };
        }
        boolean numeric = r.definition() == null || r.field().getDataType().isNumeric();
        return switch (measure.function()) {
            case SUM, AVG, PERCENTILE -> {
                if (!numeric) {
                    throw new IllegalArgumentException(measure.function() + " needs a number or money field, not "
                            + measure.column());
                }
                Field<BigDecimal> number = r.field().cast(SQLDataType.DECIMAL(38, 6));
                yield measure.function() == Function.SUM ? DSL.sum(number)
                        : measure.function() == Function.AVG ? DSL.avg(number) : percentile(measure, number);
            }
            case MIN -> DSL.min(r.field());
            case MAX -> DSL.max(r.field());
            case COUNT, COUNT_DISTINCT -> throw new AssertionError();
        };
    }

    /**
     * {@code PERCENTILE_CONT(<fraction>) WITHIN GROUP (ORDER BY <value>)}, the same SQL on H2 and PostgreSQL; the
     * fraction is inlined (PostgreSQL wants the argument's type known, and it is no user input).
     */
    private static AggregateFilterStep<BigDecimal> percentile(Measure measure, Field<BigDecimal> value) {
        return DSL.percentileCont(DSL.inline(measure.fraction())).withinGroupOrderBy(value);
    }

    /** A date-time column as seconds since the epoch, for durations between two of them. */
    private static Field<BigDecimal> seconds(Resolved r, String column) {
        if (!r.field().getDataType().isDateTime() || r.definition() != null
                && r.definition().storedType() != FieldType.DATETIME) {
            throw new IllegalArgumentException("A duration needs two date-time fields, not " + column);
        }
        return DSL.epoch(r.field()).cast(SQLDataType.DECIMAL(38, 6));
    }

    /** {@code measured}: the definition of a MIN/MAX measure's field ({@code null} for a system column). */
    private static Object measureValue(Measure measure, FieldDefinition measured, Object raw) {
        if (raw == null) {
            return null;
        }
        return switch (measure.function()) {
            case COUNT, COUNT_DISTINCT -> ((Number) raw).longValue();
            case SUM, AVG, PERCENTILE -> decimal(raw).stripTrailingZeros();
            case MIN, MAX -> measure.since() != null ? decimal(raw).stripTrailingZeros() : typed(raw, measured);
        };
    }

    private static BigDecimal decimal(Object raw) {
        return raw instanceof BigDecimal d ? d : new BigDecimal(raw.toString());
    }

    /** A raw column value as the typed value the record API uses (money: its amount). */
    private static Object typed(Object raw, FieldDefinition f) {
        if (raw == null) {
            return null;
        }
        if (f == null) {
            return raw instanceof OffsetDateTime t ? RecordTable.utc(t) : raw;
        }
        return switch (f.storedType()) {
            case RATING -> ((Number) raw).intValue();
            case INTEGER, USER, REFERENCE -> ((Number) raw).longValue();
            case MONEY, DECIMAL, PERCENT -> decimal(raw);
            case DATETIME -> RecordTable.utc((OffsetDateTime) raw);
            default -> raw;
        };
    }

    private record Resolved(Field<Object> field, FieldDefinition definition) {
    }

    @SuppressWarnings("unchecked")
    private Resolved resolve(String column) {
        Field<?> system = table.systemColumn(column);
        if (system != null) {
            return new Resolved((Field<Object>) system, null);
        }
        FieldDefinition f = table.form.field(column).filter(RecordTable::hasColumn)
                .orElseThrow(() -> new IllegalArgumentException("Form " + table.form.id()
                        + " has no stored single-valued field " + column));
        if (!RecordAccess.mayRead(f, actor)) {
            throw new RecordAccessDeniedException(column, io.kehu.platform.forms.LocalizedText.of(
                    actor.username() + " 无权查看字段“" + column + "”",
                    actor.username() + " may not read field " + column + " of form " + table.form.id()));
        }
        return new Resolved(table.column(f), f);
    }
}
