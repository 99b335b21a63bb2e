package io.kehu.sdk.records;

import java.util.function.Supplier;

/**
 * Several record writes as ONE database transaction: all of them are committed together or none is. Every
 * {@link PluginRecords} call made inside {@code work} (through {@code records()} or {@code recordsOfCurrentUser()},
 * single writes, reads and batches alike) joins it; a nested call joins the outer one.
 *
 * <p>Why: a write and the derived value kept beside it must never disagree, e.g. a ledger entry and the account
 * balance. With a unique key on the entry ({@code "unique": true} in the form) and the balance record's optimistic
 * lock, a retried, re-run or concurrent second attempt fails cleanly and leaves nothing behind:
 *
 * <pre>{@code
 * try {
 *     context.transactions().call(() -> {
 *         context.records().create("loyalty_entry", Map.of("idem_key", "purchase:42/base", "points", 10L, ...));
 *         return context.records().update("loyalty_account", account.id(), account.rowVersion(),
 *                 Map.of("balance", balance + 10));
 *     });
 * } catch (RecordException e) {
 *     if (e.reason() == RecordException.Reason.DUPLICATE) { ... already awarded ... }
 *     if (e.reason() == RecordException.Reason.CONFLICT) { ... someone else wrote the balance: read again, retry ... }
 * }
 * }</pre>
 *
 * <p>Rules:
 * <ul>
 *   <li>Any exception thrown out of {@code work} undoes every write made inside it and is passed on; catching a
 *       {@link RecordException} inside {@code work} and going on is not supported (on PostgreSQL the transaction
 *       is already broken): let it out and retry the whole call.</li>
 *   <li>Refusals by the database are {@link RecordException}s: a unique value taken by a concurrent writer is
 *       {@link RecordException.Reason#DUPLICATE}; a write that lost a race for a row (lock timeout, serialization
 *       failure, deadlock) is {@link RecordException.Reason#CONFLICT}, which is safe to retry.</li>
 *   <li>{@link io.kehu.sdk.records.RecordListener#afterSave} listeners and events run after the commit only.</li>
 *   <li>Keep transactions short: no user interaction or remote calls inside.</li>
 * </ul>
 */
public interface PluginTransactions {

    /** Runs {@code work} in one transaction (or the caller's, when already inside one) and returns its result. */
    <T> T call(Supplier<T> work);

    /** {@link #call} for work without a result. */
    default void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
