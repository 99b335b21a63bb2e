package io.kehu.platform.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.dedupe.match.Comparison;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The in-file duplicate detection with its bounded state (hashes in the heap, keys on disk) finds exactly what the
 * plain one did — a map of every key and of every row's values — with the same earlier rows and reasons: for a
 * random file with phones in several spellings, masked values, e-mails in any case and names with company suffixes,
 * long enough that earlier rows are read back from the spill file, and with every key given the same hash, so that
 * every hit must be re-checked against the real key.
 */
class FileDuplicatesTest {

    private static final DuplicateRules RULES = new DuplicateRules("customer", "phone", "email", "name", 0.85);

    @Test
    void findsWhatAMapOfEveryKeyFinds() {
        List<Map<String, Object>> rows = randomRows(30_000, 1);
        assertSameAsPlain(rows, new FileDuplicates(RULES));
    }

    @Test
    void aSharedHashNeverMakesOrHidesADuplicate() {
        List<Map<String, Object>> rows = randomRows(3_000, 2);
        assertSameAsPlain(rows, new FileDuplicates(RULES, (kind, key) -> 42L));
        assertSameAsPlain(rows, new FileDuplicates(RULES, (kind, key) -> key.length() % 3));
    }

    @Test
    void rulesWithoutSomeFields() {
        List<Map<String, Object>> rows = randomRows(5_000, 3);
        DuplicateRules phoneOnly = new DuplicateRules("customer", "phone", null, null, 0.85);
        DuplicateRules nameOnly = new DuplicateRules("customer", null, null, "name", 0.9);
        assertSameAsPlain(rows, phoneOnly, new FileDuplicates(phoneOnly));
        assertSameAsPlain(rows, nameOnly, new FileDuplicates(nameOnly, (kind, key) -> 7L));
    }

    @Test
    void fileKeysIsASetOfTheKeys() {
        Random random = new Random(4);
        for (FileKeys keys : List.of(new FileKeys(), new FileKeys((kind, key) -> 1L),
                new FileKeys((kind, key) -> key.length()))) {
            java.util.Set<String> plain = new java.util.HashSet<>();
            try (keys) {
                for (int i = 0; i < 20_000; i++) {
                    String key = "1380013" + random.nextInt(i < 2_000 ? 300 : 20_000) + "\u0001";
                    assertThat(keys.add(key)).as(key).isEqualTo(plain.add(key));
                }
            }
        }
    }

    private static void assertSameAsPlain(List<Map<String, Object>> rows, FileDuplicates bounded) {
        assertSameAsPlain(rows, RULES, bounded);
    }

    private static void assertSameAsPlain(List<Map<String, Object>> rows, DuplicateRules rules,
                                          FileDuplicates bounded) {
        PlainFileDuplicates plain = new PlainFileDuplicates(rules);
        int found = 0;
        try (bounded) {
            for (int i = 0; i < rows.size(); i++) {
                long row = i + 2;
                DuplicateMatch expected = plain.check(row, rows.get(i));
                DuplicateMatch actual = bounded.check(row, rows.get(i));
                assertThat(actual).as("row %d %s", row, rows.get(i)).isEqualTo(expected);
                found += expected == null ? 0 : 1;
            }
        }
        assertThat(found).as("the file has duplicates of each kind").isGreaterThan(rows.size() / 20);
    }

    private static List<Map<String, Object>> randomRows(int n, long seed) {
        Random random = new Random(seed);
        String[] suffixes = {"", "有限公司", "公司", " Co., Ltd.", "集团", "（上海）"};
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long phone = 13_800_000_000L + random.nextInt(n);
            String p = Long.toString(phone);
            String phoneText = switch (random.nextInt(8)) {
                case 0 -> "+86 " + p;
                case 1 -> p.substring(0, 3) + "-" + p.substring(3, 7) + "-" + p.substring(7);
                case 2 -> p.substring(0, 3) + "******" + p.substring(9);
                case 3 -> null;
                case 4 -> "０" + p.substring(1).replace('1', '１');
                default -> p;
            };
            String email = random.nextInt(5) == 0 ? null : random.nextInt(7) == 0 ? "z***@qq.com"
                    : (random.nextBoolean() ? "Mail" : "mail") + random.nextInt(n) + "@Example.cn";
            String name = random.nextInt(10) == 0 ? null
                    : "甬江" + (char) ('甲' + random.nextInt(Math.max(1, n / 50))) + "贸易"
                            + suffixes[random.nextInt(suffixes.length)];
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", name);
            row.put("phone", phoneText);
            row.put("email", email);
            row.put("notes", "第 " + i + " 行");
            rows.add(row);
        }
        return rows;
    }

    /** The detection as it was: a map of every key to its first row and a map of every row's rule values. */
    private static final class PlainFileDuplicates {

        private final DuplicateRules rules;
        private final Map<String, Long> firstRowOfKey = new HashMap<>();
        private final Map<Long, Map<String, Object>> keyValues = new HashMap<>();

        PlainFileDuplicates(DuplicateRules rules) {
            this.rules = rules;
        }

        DuplicateMatch check(long row, Map<String, ?> values) {
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
}
