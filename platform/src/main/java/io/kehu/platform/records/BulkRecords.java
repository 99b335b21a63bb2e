package io.kehu.platform.records;

import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.security.Actor;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.jooq.Condition;
import org.jooq.SQLDialect;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work on many records at once, for jobs, imports and plugins, with the same permissions and write checks as
 * {@link Records} (both run {@link WriteChecks}): totals computed by the database ({@link #aggregate}), every record of a query streamed page by
 * page ({@link #forEach}) and bulk writes in one all-or-nothing transaction ({@link #batch}).
 */
@Service
public class BulkRecords {

    /** What a committed bulk write did. */
    public record Outcome(long created, long updated, long unchanged) {
    }

    /** The writes of a bulk write, queued and written in chunks. */
    public interface Batch {

        void create(String formId, Map<String, ?> values);

        void update(String formId, long id, int rowVersion, Map<String, ?> changes);

        /** A create whose refusal or id is reported to the {@link Listener} with {@code tag} (e.g. a file row). */
        void create(String formId, Map<String, ?> values, Object tag);

        /** An update whose refusal or outcome is reported to the {@link Listener} with {@code tag}. */
        void update(String formId, long id, int rowVersion, Map<String, ?> changes, Object tag);
    }

    /** Told, per tagged write, what became of it (inside the write's transaction). */
    public interface Listener {

        /** The write was refused for {@code problems}; with {@link Options#skipRefused} the batch goes on. */
        void refused(Object tag, List<FieldError> problems);

        /**
         * The write went through: {@code id} is the record, {@code rowVersion} its version afterwards ({@code
         * changed} false for an update that changed nothing).
         */
        default void written(Object tag, String formId, long id, int rowVersion, boolean created, boolean changed) {
        }
    }

    /**
     * How a bulk write runs.
     *
     * @param progress told the number of queued writes done after each chunk; may be {@code null}
     * @param cancelled asked between chunks; may be {@code null}
     * @param dryRun run every check and statement in a transaction of its own that is then rolled back: what would
     *               happen, with nothing written
     * @param skipRefused hand refused writes to the listener and go on with the others, instead of failing the batch
     * @param origin what the audit trail records as the writes' origin (e.g. {@code import:42}); may be {@code null}
     * @param listener told about tagged writes; may be {@code null}
     * @param uniqueByIndex leave the table look-up of unique values to the unique index (a taken value fails the
     *     insert, and so the batch, as a duplicate); values repeated within a chunk are still refused by the checks
     */
    public record Options(LongConsumer progress, BooleanSupplier cancelled, boolean dryRun, boolean skipRefused,
                          String origin, Listener listener, boolean uniqueByIndex) {

        /** Without {@code uniqueByIndex}: unique values are looked up in the table before the write. */
        public Options(LongConsumer progress, BooleanSupplier cancelled, boolean dryRun, boolean skipRefused,
                       String origin, Listener listener) {
            this(progress, cancelled, dryRun, skipRefused, origin, listener, false);
        }

        public static Options of(LongConsumer progress, BooleanSupplier cancelled) {
            return new Options(progress, cancelled, false, false, null, null);
        }
    }

    /** The sort and hash memory of one aggregate on PostgreSQL (see {@link #aggregate}). */
    static final String AGGREGATE_WORK_MEM = "128MB";

    private final RecordServices services;
    private final TransactionTemplate readTransaction;
    private final TransactionTemplate writeTransaction;
    private final TransactionTemplate dryRunTransaction;

    BulkRecords(RecordServices services, PlatformTransactionManager transactions) {
        this.services = services;
        this.readTransaction = new TransactionTemplate(transactions);
        this.readTransaction.setReadOnly(true);
        this.writeTransaction = new TransactionTemplate(transactions);
        this.writeTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
        // a dry run must never join (and so doom or commit) a caller's transaction
        this.dryRunTransaction = new TransactionTemplate(transactions);
        this.dryRunTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Streams the groups of {@code aggregation} over the live records {@code actor} may see to {@code each}. The
     * database groups and totals; the rows come through a cursor inside a read-only transaction.
     *
     * @throws IllegalArgumentException for an unknown field, or a measure that does not fit its field
     * @throws RecordAccessDeniedException when the actor may not read the form or a named field
     */
    public void aggregate(Actor actor, RecordAggregation aggregation, Consumer<RecordAggregation.Row> each) {
        FormDefinition form = services.form(aggregation.formId());
        RecordAccess.requireRead(form, actor);
        RecordTable table = services.table(form);
        readTransaction.executeWithoutResult(status -> {
            if (services.dsl().dialect().family() == SQLDialect.POSTGRES) {
                // PostgreSQL's default 4 MB makes a GROUP BY over a million groups look too big to hash, so the
                // planner walks the group column's index instead and visits ten million rows in random order (the
                // churn plugin's purchase totals: 172 s under load). With room to hash it reads the table in order
                // and sorts the million groups. SET LOCAL ends with this read-only transaction; the memory is a
                // ceiling, used only by queries with many groups.
                services.dsl().execute("set local work_mem = '" + AGGREGATE_WORK_MEM + "'");
            }
            new AggregateReader(services.dsl(), table, actor, services.visibility(), services.fieldValues(),
                    services::publishedTable)
                    .forEach(aggregation, each);
        });
    }

    /**
     * Feeds every live record {@code actor} may see that matches the filters and search of {@code query} to
     * {@code each}, in id order, with only {@code fieldIds} (all readable fields when empty). Sorts, offset, limit
     * and keyset of the query do not apply.
     */
    public void forEach(Actor actor, RecordQuery query, List<String> fieldIds, Consumer<Record> each) {
        stream(actor, query, fieldIds, each, true);
    }

    /**
     * As {@link #forEach}, read in ONE statement in no particular order (held at once): for a bounded part of a large
     * form whose rows lie all over the table, e.g. the purchases of a slice of 2,000 of 1,000,000 customers. Paged by
     * id, such a filter lets the planner walk the primary key in id order and test every row to fill each page — a
     * slice's pages read most of a 1,000,000-row purchase table each (EXPLAIN: 350,000 rows filtered for 5,000),
     * which grows with the square of the form at 10,000,000 rows; in one statement the filter's index is used.
     */
    public void forEachAtOnce(Actor actor, RecordQuery query, List<String> fieldIds, Consumer<Record> each) {
        stream(actor, query, fieldIds, each, false);
    }

    private void stream(Actor actor, RecordQuery query, List<String> fieldIds, Consumer<Record> each,
                        boolean paged) {
        FormDefinition form = services.form(query.formId());
        RecordAccess.requireRead(form, actor);
        RecordTable table = services.table(form);
        QueryConditions conditions = new QueryConditions(table, actor, services.fieldValues()).referencing(services::publishedTable)
                .arrayLists(services.dsl().dialect().family() == SQLDialect.POSTGRES);
        Condition where = table.deletedAt.isNull().and(services.visibility().of(table, actor))
                .and(conditions.filters(query.filters())).and(conditions.search(query.search()));
        RecordStreamReader reader = new RecordStreamReader(services.dsl(), table, actor);
        if (paged) {
            reader.forEach(where, fieldIds, each);
        } else {
            reader.forEachAtOnce(where, fieldIds, each);
        }
    }

    /**
     * As {@link #forEach}, for a look-up by lists of values (filters {@code IN} with a chunk's phones, keys, ...):
     * the matching records in no particular order, read in one statement rather than in pages ordered by id, so a
     * look-up whose values match nothing never walks the table in id order (see
     * {@link RecordStreamReader#forEachAtOnce}). Its result is held at once: meant for results about as large as the
     * values asked for, not for reading a whole form.
     */
    public void forEachMatching(Actor actor, RecordQuery query, List<String> fieldIds, Consumer<Record> each) {
        FormDefinition form = services.form(query.formId());
        RecordAccess.requireRead(form, actor);
        RecordTable table = services.table(form);
        QueryConditions conditions = new QueryConditions(table, actor, services.fieldValues())
                .semiJoinLists(services.dsl().dialect().family() == SQLDialect.POSTGRES);
        Condition where = table.deletedAt.isNull().and(services.visibility().of(table, actor))
                .and(conditions.filters(query.filters())).and(conditions.search(query.search()));
        new RecordStreamReader(services.dsl(), table, actor).forEachAtOnce(where, fieldIds, each);
    }

    /**
     * Runs {@code work} and writes what it queued in ONE transaction (joining the caller's, if any): every record is
     * checked as by {@link Records}, the rows, audit entries and events go out in chunks. Any refusal — and a
     * {@code cancelled} that turns true between chunks or before the commit — rolls everything back.
     *
     * @param progress told the number of queued writes done after each chunk
     * @throws BatchCancelledException when cancelled
     */
    public Outcome batch(Actor actor, LongConsumer progress, BooleanSupplier cancelled, Consumer<Batch> work) {
        return batch(actor, Options.of(progress, cancelled), work);
    }

    /**
     * {@link #batch(Actor, LongConsumer, BooleanSupplier, Consumer)} with {@link Options}: a dry run (same checks and
     * statements, rolled back), refused writes skipped and reported instead of failing the batch, an audit origin.
     */
    public Outcome batch(Actor actor, Options options, Consumer<Batch> work) {
        Objects.requireNonNull(work, "work");
        TransactionTemplate transaction = options.dryRun() ? dryRunTransaction : writeTransaction;
        return transaction.execute(status -> {
            BatchWriter writer = new BatchWriter(services, actor, options);
            work.accept(writer);
            Outcome outcome = writer.finish();
            if (options.dryRun()) {
                status.setRollbackOnly();
            }
            return outcome;
        });
    }

    /**
     * The audit entries written with {@code origin} (see {@link Options#origin}), oldest first, streamed: what an
     * import's undo restores from.
     */
    public void changesWithOrigin(String origin, Consumer<AuditEntry> each) {
        readTransaction.executeWithoutResult(status -> services.audit().withOrigin(origin, each));
    }
}
