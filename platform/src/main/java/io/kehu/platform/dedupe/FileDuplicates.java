package io.kehu.platform.dedupe;

import io.kehu.platform.dedupe.match.Comparison;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers the keys (phone, e-mail, normalised name) of the rows of a file seen so far, so a later row with a key
 * of an earlier one is reported as its duplicate. Keeps three short strings per row, not the rows.
 */
public final class FileDuplicates {

    private final DuplicateRules rules;
    private final Map<String, Long> firstRowOfKey = new HashMap<>();
    private final Map<Long, Map<String, Object>> keyValues = new HashMap<>();

    public FileDuplicates(DuplicateRules rules) {
        this.rules = rules;
    }

    /** The earlier row {@code values} duplicates, or null; otherwise remembers this row's keys. */
    public DuplicateMatch check(long row, Map<String, ?> values) {
        List<String> keys = Comparison.keys(rules, values);
        for (String key : keys) {
            Long earlier = firstRowOfKey.get(key);
            if (earlier != null) {
                var reason = Comparison.reason(rules, values, keyValues.get(earlier));
                if (reason != null) {
                    return new DuplicateMatch(earlier, true, "", reason, 0);
                }
            }
        }
        if (!keys.isEmpty()) {
            keys.forEach(k -> firstRowOfKey.putIfAbsent(k, row));
            Map<String, Object> kept = new HashMap<>();
            for (String f : new String[] {rules.phoneField(), rules.emailField(), rules.nameField()}) {
                if (f != null && values.get(f) != null) {
                    kept.put(f, values.get(f).toString());
                }
            }
            keyValues.put(row, kept);
        }
        return null;
    }
}
