package io.kehu.sdk.locks;

import java.util.function.Supplier;

/**
 * Named locks held in the database, for checks that must not race: "no two visits of one person overlap" is a read
 * followed by a write, and two writers checking at the same moment would both pass. A lock is taken inside a
 * database transaction and held until that transaction ends, so it serialises writers on every node of a cluster
 * (PostgreSQL) as well as threads of one node (H2). Lock names are scoped to the plugin.
 *
 * <p>Called from {@link io.kehu.sdk.records.RecordListener#beforeSave} the lock joins the write transaction: the
 * check and the write it guards commit together and the next writer waits for that commit, then sees the write.
 *
 * <pre>{@code
 * public Optional<Veto> beforeSave(RecordChange change) {
 *     return context.locks().exclusively("visitor:" + visitor, () -> overlapping(change));
 * }
 * }</pre>
 */
public interface PluginLocks {

    /**
     * Runs {@code work} holding the lock {@code key} (at most 200 characters). Inside a write transaction the lock
     * is held until that transaction commits or rolls back; otherwise a transaction is opened around {@code work}
     * (writes made through {@code records()} inside it join that transaction) and the lock is released when it
     * ends. Waits while another transaction holds the lock.
     *
     * @return what {@code work} returned
     */
    <T> T exclusively(String key, Supplier<T> work);
}
