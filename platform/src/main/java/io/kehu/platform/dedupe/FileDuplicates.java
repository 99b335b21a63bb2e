package io.kehu.platform.dedupe;

import io.kehu.platform.dedupe.match.Comparison;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers the keys (phone, e-mail, normalised name) of the rows of a file seen so far, so a later row with a key
 * of an earlier one is reported as its duplicate. Keeps per row its keys and the three values they came from (an
 * array), not the rows.
 */
public final class FileDuplicates {

    private final DuplicateRules rules;
    private final Map<String, Long> firstRowOfKey = new HashMap<>();
    /** The rule fields' values of each row with keys, by row: phone, e-mail, name (an array, not a map per row). */
    private final Map<Long, String[]> keyValues = new HashMap<>();

    public FileDuplicates(DuplicateRules rules) {
        this.rules = rules;
    }

    /** The earlier row {@code values} duplicates, or null; otherwise remembers this row's keys. */
    public DuplicateMatch check(long row, Map<String, ?> values) {
        List<String> keys = Comparison.keys(rules, values);
        for (String key : keys) {
            Long earlier = firstRowOfKey.get(key);
            if (earlier != null) {
                var reason = Comparison.reason(rules, values, kept(keyValues.get(earlier)));
                if (reason != null) {
                    return new DuplicateMatch(earlier, true, "", reason, 0);
                }
            }
        }
        if (!keys.isEmpty()) {
            keys.forEach(k -> firstRowOfKey.putIfAbsent(k, row));
            String[] fields = fields();
            String[] kept = new String[fields.length];
            for (int i = 0; i < fields.length; i++) {
                if (fields[i] != null && values.get(fields[i]) != null) {
                    kept[i] = values.get(fields[i]).toString();
                }
            }
            keyValues.put(row, kept);
        }
        return null;
    }

    private String[] fields() {
        return new String[] {rules.phoneField(), rules.emailField(), rules.nameField()};
    }

    /** An earlier row's kept values as the map {@link Comparison#reason} reads (made only when a key matches). */
    private Map<String, Object> kept(String[] kept) {
        Map<String, Object> values = new HashMap<>();
        String[] fields = fields();
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] != null && kept[i] != null) {
                values.put(fields[i], kept[i]);
            }
        }
        return values;
    }
}
