package io.kehu.sdk.records;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Many writes in ONE transaction, all or nothing, for jobs that change thousands to millions of records (a tier
 * evaluation, an import). The platform checks each write like a single one but talks to the database in chunks
 * (batched statements), so a million updates are not a million round trips.
 *
 * <pre>{@code
 * BatchResult result = context.records().batch()
 *         .onBehalfOf(username)                          // audit: "plugin:tiering for admin"
 *         .onProgress(written -> run.progress(written, total, ""))
 *         .cancelWhen(run::cancelled)                    // checked between chunks; rolls everything back
 *         .run(b -> changes.forEach(c -> b.update("customer", c.id(), c.rowVersion(), Map.of("level", c.level()))));
 * }</pre>
 *
 * @throws RecordException from {@link #run}: the first refusal (nothing written), or {@link RecordException.Reason#CANCELLED}
 */
public interface BatchWrite {

    /** Called after each written chunk with the number of writes done so far (queued writes, changed or not). */
    BatchWrite onProgress(LongConsumer written);

    /** Asked before each chunk and before the commit; when it answers true the batch is rolled back. */
    BatchWrite cancelWhen(BooleanSupplier cancelled);

    /**
     * Names the user the plugin acts for, e.g. the admin who pressed "apply"; the audit trail then says
     * {@code plugin:<id> for <username>}. Only for the plugin's own {@link io.kehu.sdk.PluginContext#records()}:
     * permissions stay the plugin's.
     */
    BatchWrite onBehalfOf(String username);

    /**
     * Leaves the look-up of {@code unique} fields' values in the table out of the checks (two writes of one value in
     * the same chunk are still refused): the database's unique index refuses a value already taken when the row is
     * inserted, and the whole batch then fails with {@link RecordException.Reason#DUPLICATE}, without naming the
     * record. For writers that know their values are new — a ledger that read the idempotency keys of the customers
     * it writes while holding their locks — and write millions of them: the look-up is a second index probe per
     * value beside the one the insert makes anyway.
     */
    default BatchWrite uniqueByIndex() {
        return this;
    }

    /** Runs {@code work}, writes what it queued and commits. */
    BatchResult run(Consumer<RecordBatch> work);
}
