package io.kehu.platform.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Totals over a form's records, computed by the database with {@code GROUP BY}: the filters of a
 * {@link RecordQuery}, the fields to group by and the measures. Immutable: every method returns a new aggregation.
 *
 * @param formId the form
 * @param filters all must hold
 * @param groupBy field ids (or system columns) to group by, in order; the groups come out sorted by them
 * @param measures what to compute per group
 */
public record RecordAggregation(String formId, List<RecordQuery.Filter> filters, List<String> groupBy,
                                List<Measure> measures) {

    public RecordAggregation {
        Objects.requireNonNull(formId, "formId");
        filters = List.copyOf(filters);
        groupBy = List.copyOf(groupBy);
        measures = List.copyOf(measures);
    }

    public static RecordAggregation of(String formId) {
        return new RecordAggregation(formId, List.of(), List.of(), List.of());
    }

    public RecordAggregation where(RecordQuery.Filter filter) {
        List<RecordQuery.Filter> more = new ArrayList<>(filters);
        more.add(filter);
        return new RecordAggregation(formId, more, groupBy, measures);
    }

    public RecordAggregation groupBy(String column) {
        List<String> more = new ArrayList<>(groupBy);
        more.add(column);
        return new RecordAggregation(formId, filters, more, measures);
    }

    public RecordAggregation measure(Function function, String column) {
        List<Measure> more = new ArrayList<>(measures);
        more.add(new Measure(function, column));
        return new RecordAggregation(formId, filters, groupBy, more);
    }

    /** The aggregate functions. */
    public enum Function {
        COUNT, SUM, AVG, MIN, MAX
    }

    /**
     * One measure.
     *
     * @param function what to compute
     * @param column the field (or system column) it is computed over; {@code null} for {@code COUNT}
     */
    public record Measure(Function function, String column) {

        public Measure {
            Objects.requireNonNull(function, "function");
            if (function != Function.COUNT) {
                Objects.requireNonNull(column, "column");
            }
        }

        /** The key of the measure in a result: {@code count}, {@code sum:amount}, ... */
        public String key() {
            return function == Function.COUNT ? "count" : function.name().toLowerCase(java.util.Locale.ROOT) + ":"
                    + column;
        }
    }

    /**
     * One group's values.
     *
     * @param groups group column → typed value
     * @param measures {@link Measure#key()} → value ({@code Long} counts, {@code BigDecimal} sums and averages,
     *                 typed minima and maxima)
     */
    public record Row(java.util.Map<String, Object> groups, java.util.Map<String, Object> measures) {
    }
}
