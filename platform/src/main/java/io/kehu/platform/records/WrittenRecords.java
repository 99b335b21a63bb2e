package io.kehu.platform.records;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The records one bulk write has created or updated so far, per form. Its own statements hold them for the rest of
 * its transaction: a created row is seen by nobody else, an updated row stays locked by the UPDATE (which only
 * matched live rows), so until the commit none of them can be deleted. A reference from a later chunk to one of them
 * therefore points at a live record, and for an actor who sees every live record needs no lookup — the tiering
 * plugin's history rows point at the customers updated a chunk earlier.
 */
final class WrittenRecords {

    private final Map<String, BitSet> byForm = new HashMap<>();

    void add(String formId, long id) {
        if (id >= 0 && id < Integer.MAX_VALUE) {
            byForm.computeIfAbsent(formId, k -> new BitSet()).set((int) id);
        }
    }

    boolean contains(String formId, long id) {
        BitSet ids = byForm.get(formId);
        return ids != null && id >= 0 && id < Integer.MAX_VALUE && ids.get((int) id);
    }
}
