package io.kehu.platform.metrics;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A closed period's figure as first reported, over all records.
 *
 * @param metricId the metric
 * @param version the definition version that produced it
 * @param period the period
 * @param value the figure (as {@link MetricValue#value()}), or {@code null}
 * @param n the number of records it was computed from
 * @param takenAt when it was stored
 */
public record MetricSnapshot(String metricId, int version, Period period, BigDecimal value, long n,
                             OffsetDateTime takenAt) {
}
