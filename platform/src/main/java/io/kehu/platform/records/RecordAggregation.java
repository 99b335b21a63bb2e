package io.kehu.platform.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Totals over a form's records, computed by the database with {@code GROUP BY}: the filters of a
 * {@link RecordQuery}, the fields to group by, optional segments and the measures. Immutable: every method returns a
 * new aggregation.
 *
 * <p>Segments group by a list of filter sets instead of a column: a record falls in the first segment whose filters
 * all hold (group key {@link #SEGMENT}, the segment's index), records in none are left out. Periods of a time series
 * are segments, so the boundaries are computed by the caller (in the viewer's time zone) and a segment's rows are
 * exactly those a list view with the same filters shows.
 *
 * @param formId the form
 * @param filters all must hold
 * @param groupBy field ids (or system columns) to group by, in order; the groups come out sorted by them
 * @param measures what to compute per group
 * @param segments filter sets to group by (empty: no segments); the segment comes before the other groups
 */
public record RecordAggregation(String formId, List<RecordQuery.Filter> filters, List<String> groupBy,
                                List<Measure> measures, List<List<RecordQuery.Filter>> segments) {

    /** The group key of the segment index in {@link Row#groups()}. */
    public static final String SEGMENT = "$segment";

    public RecordAggregation {
        Objects.requireNonNull(formId, "formId");
        filters = List.copyOf(filters);
        groupBy = List.copyOf(groupBy);
        measures = List.copyOf(measures);
        segments = segments.stream().map(List::copyOf).toList();
    }

    public RecordAggregation(String formId, List<RecordQuery.Filter> filters, List<String> groupBy,
                             List<Measure> measures) {
        this(formId, filters, groupBy, measures, List.of());
    }

    public static RecordAggregation of(String formId) {
        return new RecordAggregation(formId, List.of(), List.of(), List.of());
    }

    public RecordAggregation where(RecordQuery.Filter filter) {
        List<RecordQuery.Filter> more = new ArrayList<>(filters);
        more.add(filter);
        return new RecordAggregation(formId, more, groupBy, measures, segments);
    }

    public RecordAggregation groupBy(String column) {
        List<String> more = new ArrayList<>(groupBy);
        more.add(column);
        return new RecordAggregation(formId, filters, more, measures, segments);
    }

    public RecordAggregation measure(Function function, String column) {
        return measure(new Measure(function, column));
    }

    public RecordAggregation measure(Measure measure) {
        List<Measure> more = new ArrayList<>(measures);
        more.add(measure);
        return new RecordAggregation(formId, filters, groupBy, more, segments);
    }

    /** Groups by these filter sets (see the class comment), replacing any segments set before. */
    public RecordAggregation segments(List<List<RecordQuery.Filter>> sets) {
        return new RecordAggregation(formId, filters, groupBy, measures, sets);
    }

    /**
     * The aggregate functions. {@code PERCENTILE} is the continuous percentile ({@code PERCENTILE_CONT … WITHIN GROUP
     * (ORDER BY …)}, interpolated between the two nearest values) at the measure's {@code fraction}.
     */
    public enum Function {
        COUNT, COUNT_DISTINCT, SUM, AVG, MIN, MAX, PERCENTILE
    }

    /**
     * One measure.
     *
     * @param function what to compute
     * @param column the field (or system column) it is computed over; {@code null} for {@code COUNT}
     * @param since {@code null}, or a date-time field: then the measure is over the seconds from {@code since} to
     *              {@code column} (e.g. the average time to first response)
     * @param filters only records matching all of these count in this measure (SQL {@code FILTER (WHERE ...)})
     * @param name the key of the measure in a result, or {@code null} for {@code count}, {@code sum:amount}, ...
     * @param fraction a {@code PERCENTILE}'s fraction between 0 and 1 (0.5: the median), else {@code null}
     */
    public record Measure(Function function, String column, String since, List<RecordQuery.Filter> filters,
                          String name, java.math.BigDecimal fraction) {

        public Measure {
            Objects.requireNonNull(function, "function");
            if (function != Function.COUNT) {
                Objects.requireNonNull(column, "column");
            }
            if ((function == Function.PERCENTILE) != (fraction != null) || fraction != null
                    && (fraction.signum() < 0 || fraction.compareTo(java.math.BigDecimal.ONE) > 0)) {
                throw new IllegalArgumentException("A percentile, and only a percentile, has a fraction from 0 to 1");
            }
            filters = filters == null ? List.of() : List.copyOf(filters);
        }

        public Measure(Function function, String column, String since, List<RecordQuery.Filter> filters,
                       String name) {
            this(function, column, since, filters, name, null);
        }

        public Measure(Function function, String column) {
            this(function, column, null, List.of(), null);
        }

        /** The key of the measure in a result: its name, else {@code count}, {@code sum:amount}, ... */
        public String key() {
            if (name != null) {
                return name;
            }
            String prefix = function.name().toLowerCase(java.util.Locale.ROOT)
                    + (fraction == null ? "" : fraction.toPlainString());
            return function == Function.COUNT ? "count" : prefix + ":" + column;
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
