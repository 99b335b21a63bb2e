package io.kehu.plugins.tiering;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

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

    private static final Object NOT_A_NUMBER = new Object();
    /** Parsed thresholds; few distinct texts (what admins typed), so the map stays small. */
    private static final Map<String, Object> NUMBERS = new ConcurrentHashMap<>();

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
        if (actual instanceof Number n) {
            BigDecimal number = number(value);
            if (number == null) {
                return false;
            }
            cmp = decimal(n).compareTo(number);
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

    /** The threshold as a number, parsed once per distinct text (a dry run compares it for every customer). */
    private static BigDecimal number(String text) {
        return NUMBERS.computeIfAbsent(text, t -> {
            try {
                return new BigDecimal(t);
            } catch (NumberFormatException e) {
                return NOT_A_NUMBER;
            }
        }) instanceof BigDecimal d ? d : null;
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof Long || n instanceof Integer) {
            return BigDecimal.valueOf(n.longValue());
        }
        return new BigDecimal(n.toString());
    }

    @Override
    public String toString() {
        return metric + " " + operator + " " + value;
    }
}
