package io.kehu.plugins.tiering;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The result of a dry run: every customer's metrics and proposed level, with counts per level and per movement.
 * Nothing is written until it is {@link TierApplier applied}.
 *
 * @param scheme the scheme evaluated
 * @param period the period
 * @param results one per customer, in id order
 */
public record Preview(TierScheme scheme, Period period, List<Result> results) {

    /**
     * One customer's verdict.
     *
     * @param metrics what the customer did
     * @param newLevel the proposed level
     * @param movement up, down, stays or first level
     */
    public record Result(CustomerMetrics metrics, String newLevel, Movement movement) {

        public boolean changes() {
            return !newLevel.equals(metrics.currentLevel());
        }
    }

    /** Customers per proposed level, in the scheme's order. */
    public Map<String, Long> perLevel() {
        Map<String, Long> counts = new LinkedHashMap<>();
        scheme.levels().forEach(l -> counts.put(l.code(), 0L));
        results.forEach(r -> counts.merge(r.newLevel(), 1L, Long::sum));
        return counts;
    }

    /** Customers per movement. */
    public Map<Movement, Long> perMovement() {
        Map<Movement, Long> counts = new EnumMap<>(Movement.class);
        for (Movement m : Movement.values()) {
            counts.put(m, 0L);
        }
        results.forEach(r -> counts.merge(r.movement(), 1L, Long::sum));
        return counts;
    }

    /** The customers whose level changes (what apply writes). */
    public long changes() {
        return results.stream().filter(Result::changes).count();
    }

    public List<Result> filter(Predicate<Result> which) {
        List<Result> out = new ArrayList<>();
        results.forEach(r -> {
            if (which.test(r)) {
                out.add(r);
            }
        });
        return out;
    }
}
