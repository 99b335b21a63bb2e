package io.kehu.sdk.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named measure of a {@link RecordAggregate} that may count only some of the group's records: its own filters hold
 * in addition to the aggregate's ({@code FILTER (WHERE ...)} in SQL). Several windows of one form — all purchases,
 * those of the last 90 days, the spend of the year before — then come from ONE pass over the records instead of one
 * query each, which matters when the form has ten million rows.
 *
 * <pre>{@code
 * context.records().aggregate("purchase")
 *         .where("purchased_on", FilterOperator.LESS_OR_EQUAL, today)
 *         .groupBy("customer")
 *         .count().max("purchased_on")
 *         .measure(Measure.count("recent").where("purchased_on", FilterOperator.GREATER_OR_EQUAL, today.minusDays(89)))
 *         .measure(Measure.sum("spend_before", "amount")
 *                 .where("purchased_on", FilterOperator.BETWEEN, today.minusDays(454), today.minusDays(90)))
 *         .forEach(row -> {
 *             long recent = row.count("recent");
 *             BigDecimal before = (BigDecimal) row.measure("spend_before");   // null when no such purchase
 *         });
 * }</pre>
 *
 * Immutable: {@link #where} returns a new measure. A group in which no record matches a measure's filters still
 * comes out (it matched the aggregate's); its count is 0 and its other measures {@code null}.
 */
public final class Measure {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,59}");

    /** What a measure computes. */
    public enum Function {
        COUNT, SUM, AVG, MIN, MAX
    }

    /** One filter of a measure, with the same operators and value conversion as {@link RecordSearch#where}. */
    public record Filter(String fieldId, FilterOperator operator, List<Object> values) {

        public Filter {
            Objects.requireNonNull(fieldId, "fieldId");
            Objects.requireNonNull(operator, "operator");
            values = values == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    private final String name;
    private final Function function;
    private final String fieldId;
    private final List<Filter> filters;

    private Measure(String name, Function function, String fieldId, List<Filter> filters) {
        if (name == null || !NAME.matcher(name).matches() || "count".equals(name)) {
            throw new IllegalArgumentException("A measure name is lower-case letters, digits and _ (not \"count\"): "
                    + name);
        }
        if (function != Function.COUNT) {
            Objects.requireNonNull(fieldId, "fieldId");
        }
        this.name = name;
        this.function = function;
        this.fieldId = fieldId;
        this.filters = List.copyOf(filters);
    }

    /** The number of matching records, read with {@link AggregateRow#count(String)}. */
    public static Measure count(String name) {
        return new Measure(name, Function.COUNT, null, List.of());
    }

    /** The sum of a number or money field over the matching records ({@code BigDecimal}). */
    public static Measure sum(String name, String fieldId) {
        return new Measure(name, Function.SUM, fieldId, List.of());
    }

    /** The average of a number or money field over the matching records ({@code BigDecimal}). */
    public static Measure avg(String name, String fieldId) {
        return new Measure(name, Function.AVG, fieldId, List.of());
    }

    /** The smallest value of a field among the matching records (typed like the field). */
    public static Measure min(String name, String fieldId) {
        return new Measure(name, Function.MIN, fieldId, List.of());
    }

    /** The largest value of a field among the matching records (typed like the field). */
    public static Measure max(String name, String fieldId) {
        return new Measure(name, Function.MAX, fieldId, List.of());
    }

    /** This measure counting only records that also match this filter (all of a measure's filters must hold). */
    public Measure where(String fieldId, FilterOperator operator, Object... values) {
        List<Filter> more = new ArrayList<>(filters);
        more.add(new Filter(fieldId, operator, values == null ? List.of() : java.util.Arrays.asList(values)));
        return new Measure(name, function, this.fieldId, more);
    }

    /** The key of this measure in {@link AggregateRow#measures()}. */
    public String name() {
        return name;
    }

    public Function function() {
        return function;
    }

    /** The measured field; {@code null} for a count. */
    public String fieldId() {
        return fieldId;
    }

    public List<Filter> filters() {
        return filters;
    }
}
