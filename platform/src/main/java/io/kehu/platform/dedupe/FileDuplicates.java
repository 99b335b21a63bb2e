package io.kehu.platform.dedupe;

import io.kehu.platform.dedupe.match.Comparison;
import io.kehu.platform.dedupe.match.HashTable;
import io.kehu.platform.dedupe.match.SpillFile;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToLongBiFunction;

/**
 * Remembers the keys (phone, e-mail, normalised name) of the rows of a file seen so far, so a later row with a key
 * of an earlier one is reported as its duplicate, with the reason {@link Comparison} gives for the two rows.
 *
 * <p>Its memory is bounded by design, whatever the file's size: in the heap only a 64-bit hash of each key with the
 * place of its first row's keys in a {@link SpillFile} (16 bytes a slot of a primitive table, under 90 bytes a row
 * with three keys), the keys themselves on disk. A hash hit is re-checked against the earlier row's real key read
 * back from the spill, so two keys sharing a hash never make a duplicate; the key that lost its hash's slot goes to a
 * small exact map instead, so they never hide one either. Closing it (or dropping it) removes the spill.
 */
public final class FileDuplicates implements AutoCloseable {

    private static final char[] KINDS = {'p', 'e', 'n'};

    private final DuplicateRules rules;
    /** Hash of kind and key → offset in {@link #spill} of the first row with that key. */
    private final HashTable firstOfKey = new HashTable();
    /** "p:key" → offset, for the keys whose hash an earlier, different key holds in {@link #firstOfKey}. */
    private final Map<String, Long> sharedHashes = new HashMap<>();
    private final ToLongBiFunction<Character, String> hash;
    private SpillFile spill;

    public FileDuplicates(DuplicateRules rules) {
        this(rules, HashTable::hash);
    }

    /** With another hash function: tests make every key share one hash to show hits are re-checked. */
    FileDuplicates(DuplicateRules rules, ToLongBiFunction<Character, String> hash) {
        this.rules = rules;
        this.hash = hash;
    }

    /** The earlier row {@code values} duplicates, or null; otherwise remembers this row's keys. */
    public DuplicateMatch check(long row, Map<String, ?> values) {
        String[] keys = Comparison.keyArray(rules, values);
        boolean any = false;
        boolean[] lostSlot = new boolean[KINDS.length];
        for (int k = 0; k < KINDS.length; k++) {
            if (keys[k] == null || keys[k].isEmpty()) {
                continue;
            }
            any = true;
            long at = firstOfKey.get(hash.applyAsLong(KINDS[k], keys[k]));
            if (at < 0) {
                continue;
            }
            SpillFile.Entry earlier = spill.read(at);
            if (!keys[k].equals(earlier.strings()[k])) {
                Long exact = sharedHashes.get(KINDS[k] + ":" + keys[k]);
                lostSlot[k] = exact == null;
                if (exact == null) {
                    continue;
                }
                earlier = spill.read(exact);
            }
            var reason = Comparison.reasonOfKeys(rules, keys, earlier.strings());
            if (reason != null) {
                return new DuplicateMatch(earlier.row(), true, "", reason, 0);
            }
        }
        if (any) {
            if (spill == null) {
                spill = new SpillFile();
            }
            long at = spill.append(row, keys);
            for (int k = 0; k < KINDS.length; k++) {
                if (keys[k] != null && !keys[k].isEmpty()) {
                    if (lostSlot[k]) {
                        sharedHashes.put(KINDS[k] + ":" + keys[k], at);
                    } else {
                        firstOfKey.putIfAbsent(hash.applyAsLong(KINDS[k], keys[k]), at);
                    }
                }
            }
        }
        return null;
    }

    /** Bytes of heap the remembered keys take (the table's arrays; the exact map holds next to nothing). */
    public long heapBytes() {
        return firstOfKey.bytes();
    }

    @Override
    public void close() {
        if (spill != null) {
            spill.close();
        }
    }
}
