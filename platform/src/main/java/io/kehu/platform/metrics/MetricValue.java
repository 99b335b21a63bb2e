package io.kehu.platform.metrics;

import io.kehu.platform.records.RecordQuery.Filter;
import java.math.BigDecimal;
import java.util.List;

/**
 * One computed figure with what is behind it.
 *
 * @param value the figure in the metric's unit (a ratio as a fraction, durations in hours); {@code null} when there
 *              is nothing to compute it from, or when {@code n} is under the metric's minimum
 * @param n the number of records the figure is computed from (a ratio: its denominator's)
 * @param drill the list-view filters of the records behind the figure (a ratio: its numerator's); {@code null} when
 *              no record can be behind it
 * @param nDrill the list-view filters of the {@code n} records
 * @param belowMinimumN whether the value is hidden because {@code n} is under the metric's minimum
 */
public record MetricValue(BigDecimal value, long n, List<Filter> drill, List<Filter> nDrill, boolean belowMinimumN) {
}
