package io.kehu.platform.dedupe.match;

/**
 * A map from 64-bit hashes to longs in two primitive arrays (open addressing, linear probing): 16 bytes a slot and
 * no object per entry, where a {@code HashMap<String, Long>} costs a hundred bytes and more per key. It keeps the
 * first value put for a hash; callers re-check a hit against the real key, since two keys may share a hash.
 */
public final class HashTable {

    private static final long EMPTY = 0;
    private static final long NONE = -1;

    private long[] hashes;
    private long[] values;
    private int size;

    public HashTable() {
        hashes = new long[1 << 10];
        values = new long[1 << 10];
    }

    /** The value kept for {@code hash}, or -1. */
    public long get(long hash) {
        long h = nonEmpty(hash);
        int mask = hashes.length - 1;
        for (int i = slot(h, mask); ; i = (i + 1) & mask) {
            if (hashes[i] == h) {
                return values[i];
            }
            if (hashes[i] == EMPTY) {
                return NONE;
            }
        }
    }

    /** Keeps {@code value} (not negative) for {@code hash} unless a value is kept for it already. */
    public void putIfAbsent(long hash, long value) {
        if (size >= hashes.length / 4 * 3) {
            grow();
        }
        long h = nonEmpty(hash);
        int mask = hashes.length - 1;
        for (int i = slot(h, mask); ; i = (i + 1) & mask) {
            if (hashes[i] == h) {
                return;
            }
            if (hashes[i] == EMPTY) {
                hashes[i] = h;
                values[i] = value;
                size++;
                return;
            }
        }
    }

    public int size() {
        return size;
    }

    /** The bytes the table's arrays take. */
    public long bytes() {
        return 16L * hashes.length;
    }

    private void grow() {
        long[] oldHashes = hashes;
        long[] oldValues = values;
        hashes = new long[oldHashes.length * 2];
        values = new long[oldHashes.length * 2];
        int mask = hashes.length - 1;
        for (int j = 0; j < oldHashes.length; j++) {
            long h = oldHashes[j];
            if (h != EMPTY) {
                int i = slot(h, mask);
                while (hashes[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                hashes[i] = h;
                values[i] = oldValues[j];
            }
        }
    }

    /** 0 marks an empty slot: the one hash that is 0 is kept as 1 (a hit is re-checked anyway). */
    private static long nonEmpty(long hash) {
        return hash == EMPTY ? 1 : hash;
    }

    private static int slot(long h, int mask) {
        return (int) (h ^ (h >>> 32)) & mask;
    }

    /**
     * A 64-bit hash of {@code text} under {@code kind} (FNV-1a over the kind and the UTF-16 units, then MurmurHash3's
     * final mix so that the low bits, which pick the slot, depend on every character).
     */
    public static long hash(char kind, String text) {
        long h = 0xcbf29ce484222325L;
        h = (h ^ kind) * 0x100000001b3L;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
