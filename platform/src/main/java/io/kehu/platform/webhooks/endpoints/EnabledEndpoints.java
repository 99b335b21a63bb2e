package io.kehu.platform.webhooks.endpoints;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jooq.Record;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The enabled endpoints' rows, kept for a few seconds. Every record save, transition and notice asks which endpoints
 * want it; without webhooks in use (the common case) that was a query returning nothing on every write. A change made
 * through {@link EndpointStore} on this node forgets the rows at once and again when its transaction ends, and a
 * transaction that changed endpoints reads them fresh until it ends, so this node never routes by rows its own
 * transactions have not committed. Changes made on another node are seen within {@code seconds} (documented in
 * docs/webhooks.md); sending checks that an endpoint is still enabled, so a late-routed event to an endpoint switched
 * off meanwhile is not sent.
 */
final class EnabledEndpoints {

    private record Snapshot(long generation, long readAt, List<Record> rows) {
    }

    private final long ttlNanos;
    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot snapshot;

    /** @param seconds how long rows are kept; 0 reads them on every call */
    EnabledEndpoints(int seconds) {
        this.ttlNanos = seconds * 1_000_000_000L;
    }

    /** The enabled endpoints' rows, from the kept snapshot when it is fresh, else from {@code read}. */
    List<Record> rows(Supplier<List<Record>> read) {
        long now = System.nanoTime();
        Snapshot kept = snapshot;
        long current = generation.get();
        if (ttlNanos > 0 && kept != null && kept.generation() == current && now - kept.readAt() < ttlNanos
                && !changedInThisTransaction()) {
            return kept.rows();
        }
        List<Record> rows = read.get();
        // A read that raced with a change keeps nothing: its generation is no longer current.
        if (ttlNanos > 0 && !changedInThisTransaction() && generation.get() == current) {
            snapshot = new Snapshot(current, now, List.copyOf(rows));
        }
        return rows;
    }

    /** An endpoint changed: forget the rows now and, inside a transaction, again when it commits or rolls back. */
    void changed() {
        forget();
        if (TransactionSynchronizationManager.isSynchronizationActive() && !changedInThisTransaction()) {
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(EnabledEndpoints.this);
                    forget();
                }
            });
        }
    }

    private void forget() {
        generation.incrementAndGet();
        snapshot = null;
    }

    private boolean changedInThisTransaction() {
        return TransactionSynchronizationManager.hasResource(this);
    }
}
