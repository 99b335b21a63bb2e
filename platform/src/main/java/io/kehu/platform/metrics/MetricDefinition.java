package io.kehu.platform.metrics;

import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.records.RecordQuery.Filter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One figure computed from a form's records, as read from {@code form-definitions/metrics/*.json} (format:
 * {@code form-definitions/schema/metric-definition.schema.json}, docs/dashboards.md).
 *
 * @param id unique id, e.g. {@code complaint_resolution_rate}
 * @param version raised when the meaning changes; cards say which version produced a figure
 * @param label the name shown
 * @param form the form whose records are measured
 * @param measure what is computed
 * @param filters records that count (the list view's filter model)
 * @param groupBy fields to break the figure down by (bars, slices, table rows), at most two
 * @param time the time field and grain of trends and the period filter, or {@code null} for a figure about now
 * @param compareWithPrevious whether cards show the change against the previous period of equal length
 * @param target the KPI target, or {@code null}
 * @param minimumN a ratio over fewer records is not shown (too few to mean anything)
 * @param unit how values are shown
 */
public record MetricDefinition(String id, int version, LocalizedText label, String form, Measure measure,
                               List<Filter> filters, List<String> groupBy, TimeAxis time,
                               boolean compareWithPrevious, Target target, int minimumN, Unit unit) {

    public MetricDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(measure, "measure");
        filters = List.copyOf(filters);
        groupBy = List.copyOf(groupBy);
    }

    /** The aggregate a measure computes ({@code PERCENTILE}: continuous, at the measure's {@code percentile}). */
    public enum Function {
        COUNT, COUNT_DISTINCT, SUM, AVG, MIN, MAX, PERCENTILE, RATIO
    }

    /**
     * What is computed.
     *
     * @param function the aggregate
     * @param field the field measured ({@code null} for count and ratio)
     * @param since with a date-time {@code field}: measure the hours from {@code since} to {@code field}
     * @param filters only records matching these count in this measure (e.g. a ratio's numerator)
     * @param numerator a ratio's numerator, else {@code null}
     * @param denominator a ratio's denominator, else {@code null}
     * @param percentile a percentile's fraction (0.9: the value 90% of records are at or below), else {@code null}
     */
    public record Measure(Function function, String field, String since, List<Filter> filters, Measure numerator,
                          Measure denominator, BigDecimal percentile) {

        public Measure {
            Objects.requireNonNull(function, "function");
            filters = List.copyOf(filters);
        }

        public Measure(Function function, String field, String since, List<Filter> filters, Measure numerator,
                       Measure denominator) {
            this(function, field, since, filters, numerator, denominator, null);
        }

        public static Measure count() {
            return new Measure(Function.COUNT, null, null, List.of(), null, null);
        }

        /** Whether the measure is over durations (reported in hours). */
        public boolean duration() {
            return since != null;
        }
    }

    /** Periods: calendar days, ISO weeks (Monday first), months, quarters, years. */
    public enum Grain {
        DAY, WEEK, MONTH, QUARTER, YEAR
    }

    /**
     * The time dimension.
     *
     * @param field a date or date-time field, or {@code created_at} / {@code updated_at}
     * @param grain the period of a trend's points
     */
    public record TimeAxis(String field, Grain grain) {
    }

    /** Whether a figure should be at least or at most its target. */
    public enum Direction {
        AT_LEAST, AT_MOST
    }

    /**
     * A KPI target.
     *
     * @param value the target, in the metric's unit (a ratio as a fraction: 0.9 for 90%)
     * @param direction which side of it is good
     * @param owner the username of who answers for it: a closed period that misses the target gives them a task
     *              ({@link KpiBreaches}); {@code null} for none
     */
    public record Target(BigDecimal value, Direction direction, String owner) {

        public Target(BigDecimal value, Direction direction) {
            this(value, direction, null);
        }

        /** Whether {@code actual} meets the target. */
        public boolean metBy(BigDecimal actual) {
            int c = actual.compareTo(value);
            return direction == Direction.AT_LEAST ? c >= 0 : c <= 0;
        }
    }

    /** How values are shown. */
    public enum Unit {
        NUMBER, MONEY, PERCENT, HOURS
    }
}
