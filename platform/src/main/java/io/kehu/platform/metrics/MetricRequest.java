package io.kehu.platform.metrics;

import java.util.List;

/**
 * What a widget asks of a metric.
 *
 * @param metric the metric
 * @param periods the periods to compute it for (e.g. the months of a trend, or this month and the previous one);
 *                ignored by a metric without a time field, which is computed over all its records
 * @param grouped whether to break it down by the metric's group-by fields
 * @param scope the dashboard's global filters (owner, level, region), applied where the form has such a field
 */
public record MetricRequest(MetricDefinition metric, List<Period> periods, boolean grouped, MetricScope scope) {

    public MetricRequest {
        periods = List.copyOf(periods);
        scope = scope == null ? MetricScope.ALL : scope;
        if (metric.time() != null && periods.isEmpty()) {
            throw new IllegalArgumentException("Metric " + metric.id() + " has a time field: name its periods");
        }
    }

    /** A request over all records the viewer may see. */
    public MetricRequest(MetricDefinition metric, List<Period> periods, boolean grouped) {
        this(metric, periods, grouped, MetricScope.ALL);
    }

    /** The periods that apply: none for a metric without a time field. */
    public List<Period> effectivePeriods() {
        return metric.time() == null ? List.of() : periods;
    }
}
