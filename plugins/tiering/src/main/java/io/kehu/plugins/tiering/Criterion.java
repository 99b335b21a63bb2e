package io.kehu.plugins.tiering;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One threshold: a metric compared with a value, e.g. {@code total_spend >= 100000}. Metrics are those of
 * {@link CustomerMetrics#metric}; {@code field:<id>} compares a customer field (numbers numerically, other values as
 * text). An empty metric (no purchases: no recency) never passes.
 *
 * @param metric the metric name
 * @param operator {@code >=}, {@code >}, {@code <=}, {@code <}, {@code =}, {@code !=}
 * @param value what to compare with
 */
public record Criterion(String metric, String operator, String value) {

    public Criterion {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(value, "value");
        if (!java.util.List.of(">=", ">", "<=", "<", "=", "!=").contains(operator)) {
            throw new IllegalArgumentException("Unknown comparison '" + operator + "' for " + metric);
        }
        if (!metric.startsWith("field:") && !CustomerMetrics.METRICS.contains(metric)) {
            throw new IllegalArgumentException("Unknown metric '" + metric + "'; known: " + CustomerMetrics.METRICS
                    + " and field:<customer field>");
        }
        if (!metric.startsWith("field:")) {
            try {
                new BigDecimal(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Metric " + metric + " compares with a number, not '" + value + "'");
            }
        }
    }

    boolean holds(CustomerMetrics metrics) {
        Object actual = metrics.metric(metric);
        if (actual == null) {
            return false;
        }
        int cmp;
        if (actual instanceof Number || actual instanceof BigDecimal) {
            BigDecimal number;
            try {
                number = new BigDecimal(value);
            } catch (NumberFormatException e) {
                return false;
            }
            cmp = new BigDecimal(actual.toString()).compareTo(number);
        } else {
            cmp = actual.toString().compareTo(value);
        }
        return switch (operator) {
            case ">=" -> cmp >= 0;
            case ">" -> cmp > 0;
            case "<=" -> cmp <= 0;
            case "<" -> cmp < 0;
            case "=" -> cmp == 0;
            default -> cmp != 0;
        };
    }

    @Override
    public String toString() {
        return metric + " " + operator + " " + value;
    }
}
