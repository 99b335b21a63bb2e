package io.kehu.platform.dedupe;

import io.kehu.platform.dedupe.match.HashTable;
import io.kehu.platform.dedupe.match.SpillFile;
import java.util.HashSet;
import java.util.Set;
import java.util.function.ToLongBiFunction;

/**
 * The key values of a file's rows seen so far (an update's match keys): whether a row repeats an earlier row's key.
 * Bounded like {@link FileDuplicates}: a 64-bit hash a key in a primitive table, the keys themselves in a
 * {@link SpillFile}; a hash hit is re-checked against the real key, and a key whose hash an earlier, different key
 * holds goes to a small exact set.
 */
public final class FileKeys implements AutoCloseable {

    private final HashTable offsets = new HashTable();
    private final Set<String> sharedHashes = new HashSet<>();
    private final ToLongBiFunction<Character, String> hash;
    private SpillFile spill;

    public FileKeys() {
        this(HashTable::hash);
    }

    /** With another hash function (tests). */
    FileKeys(ToLongBiFunction<Character, String> hash) {
        this.hash = hash;
    }

    /** Remembers {@code key}; false when an earlier row had it (as {@link Set#add}). */
    public boolean add(String key) {
        long h = hash.applyAsLong('k', key);
        long at = offsets.get(h);
        if (at < 0) {
            if (spill == null) {
                spill = new SpillFile();
            }
            offsets.putIfAbsent(h, spill.append(0, key));
            return true;
        }
        if (key.equals(spill.read(at).strings()[0])) {
            return false;
        }
        return sharedHashes.add(key);
    }

    @Override
    public void close() {
        if (spill != null) {
            spill.close();
        }
    }
}
