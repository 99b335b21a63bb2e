package io.kehu.plugins.tiering;

import io.kehu.sdk.LocalText;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A way of classifying customers: ordered levels (best first) and how a customer gets one. With thresholds, a
 * customer gets the first level all of whose criteria hold, else the last level (which needs no criteria). With a
 * rule, a Groovy script over the {@code tier_metrics} fields returns the level code.
 *
 * @param id a short id, e.g. {@code three_tier}
 * @param name its name in both languages
 * @param levels best first
 * @param criteria level code → criteria that must all hold (thresholds schemes)
 * @param rule the Groovy rule returning a level code, or {@code null} for a thresholds scheme
 * @param field the customer field the level is written to (a select whose options include every level code)
 */
public record TierScheme(String id, LocalText name, List<TierLevel> levels, Map<String, List<Criterion>> criteria,
                         String rule, String field) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    public TierScheme {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("A scheme id is lower-case letters, digits and _: '" + id + "'");
        }
        if (levels == null || levels.size() < 2) {
            throw new IllegalArgumentException("Scheme " + id + " needs at least two levels");
        }
        levels = List.copyOf(levels);
        criteria = criteria == null ? Map.of() : Map.copyOf(criteria);
        if (levels.stream().map(TierLevel::code).distinct().count() != levels.size()) {
            throw new IllegalArgumentException("Scheme " + id + " names a level twice");
        }
        for (String code : criteria.keySet()) {
            if (level(levels, code).isEmpty()) {
                throw new IllegalArgumentException("Scheme " + id + " has criteria for unknown level " + code);
            }
        }
        if (rule != null && rule.isBlank()) {
            rule = null;
        }
        field = field == null || field.isBlank() ? "level" : field;
    }

    public boolean ruleBased() {
        return rule != null;
    }

    /** Position of a level, 0 = best; -1 for a code the scheme does not know (or {@code null}). */
    public int rank(String code) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    public Optional<TierLevel> level(String code) {
        return level(levels, code);
    }

    private static Optional<TierLevel> level(List<TierLevel> levels, String code) {
        return levels.stream().filter(l -> l.code().equals(code)).findFirst();
    }

    /** The thresholds' verdict: the first level whose criteria all hold; the last level otherwise. */
    public String byThresholds(CustomerMetrics metrics) {
        for (int i = 0; i < levels.size() - 1; i++) {
            List<Criterion> all = criteria.getOrDefault(levels.get(i).code(), List.of());
            if (!all.isEmpty() && all.stream().allMatch(c -> c.holds(metrics))) {
                return levels.get(i).code();
            }
        }
        return levels.get(levels.size() - 1).code();
    }

    /** The customer fields the criteria compare ({@code field:<id>}). */
    public List<String> customerFields() {
        return criteria.values().stream().flatMap(List::stream).map(Criterion::metric)
                .filter(m -> m.startsWith("field:")).map(m -> m.substring("field:".length())).distinct().toList();
    }
}
