package io.kehu.platform.workflow.timers;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Timers that survive restarts and fire once, however many app nodes poll. {@link #fireDue} claims a batch of due
 * timers with {@code FOR UPDATE SKIP LOCKED} (rows another node holds are skipped, not waited for), runs each one's
 * effect under a savepoint and deletes it in the same Spring transaction (so effects that write through
 * {@code Records} join it): a crash before the commit leaves the timer pending,
 * a commit leaves it gone. A failing effect is rolled back to its savepoint and the timer retried later with backoff.
 */
@Component
public class TimerQueue {

    /** How long after a failure a timer is tried again: doubling from a minute, at most an hour. */
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration LAST_RETRY = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(TimerQueue.class);
    private static final Table<Record> TIMER = table(name("kehu_workflow_timer"));
    private static final Field<Long> ID = field(name("id"), Long.class);
    private static final Field<OffsetDateTime> DUE_AT = field(name("due_at"), OffsetDateTime.class);
    private static final Field<String> KIND = field(name("kind"), String.class);
    private static final Field<String> FORM_ID = field(name("form_id"), String.class);
    private static final Field<Long> RECORD_ID = field(name("record_id"), Long.class);
    private static final Field<String> WORKFLOW_ID = field(name("workflow_id"), String.class);
    private static final Field<String> SUBJECT = field(name("subject"), String.class);
    private static final Field<Integer> ATTEMPTS = field(name("attempts"), Integer.class);
    private static final Field<String> LAST_ERROR = field(name("last_error"), String.class);

    private final DSLContext dsl;
    private final TransactionTemplate batch;
    private final TransactionTemplate savepoint;

    public TimerQueue(DSLContext dsl, PlatformTransactionManager transactions) {
        this.dsl = dsl;
        this.batch = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Schedules a timer in the caller's transaction (it exists only if the caller's change commits). */
    public long schedule(Instant dueAt, String kind, String formId, long recordId, String workflowId,
            String subject) {
        return dsl.insertInto(TIMER)
                .columns(DUE_AT, KIND, FORM_ID, RECORD_ID, WORKFLOW_ID, SUBJECT)
                .values(utc(dueAt), kind, formId, recordId, workflowId, subject)
                .returningResult(ID)
                .fetchOne(ID);
    }

    /** A timer to start: when, what kind, and about what (a state or a scheduled step). */
    public record NewTimer(Instant dueAt, String kind, String subject) {
    }

    /**
     * The statement starting several timers of one record and workflow (a state's deadline, its reminder and its
     * scheduled steps, started together on every state entry), unsent: inside a transition it goes with the
     * transition's other writes in one round trip; empty when there is nothing to start.
     */
    public Optional<Query> schedulingAll(String formId, long recordId, String workflowId, List<NewTimer> timers) {
        if (timers.isEmpty()) {
            return Optional.empty();
        }
        var insert = dsl.insertInto(TIMER).columns(DUE_AT, KIND, FORM_ID, RECORD_ID, WORKFLOW_ID, SUBJECT);
        for (NewTimer t : timers) {
            insert = insert.values(utc(t.dueAt()), t.kind(), formId, recordId, workflowId, t.subject());
        }
        return Optional.of(insert);
    }

    /** Cancels a record's pending timers of one workflow (it left the state they were about); returns how many. */
    public int cancel(String formId, long recordId, String workflowId) {
        return cancelling(formId, recordId, workflowId).execute();
    }

    /** The statement {@link #cancel} sends, unsent. */
    public Query cancelling(String formId, long recordId, String workflowId) {
        return dsl.deleteFrom(TIMER)
                .where(FORM_ID.eq(formId).and(RECORD_ID.eq(recordId)).and(WORKFLOW_ID.eq(workflowId)));
    }

    /** The pending timers of a record, earliest first (for screens and tests). */
    public List<DueTimer> pending(String formId, long recordId) {
        return dsl.select(ID, DUE_AT, KIND, FORM_ID, RECORD_ID, WORKFLOW_ID, SUBJECT, ATTEMPTS).from(TIMER)
                .where(FORM_ID.eq(formId).and(RECORD_ID.eq(recordId)))
                .orderBy(DUE_AT, ID)
                .fetch(TimerQueue::timer);
    }

    /**
     * Fires up to {@code batchSize} timers due at {@code now}, earliest first, in one transaction.
     *
     * @param effect what a timer does; it runs in the transaction, and an exception undoes only this timer's part
     * @return how many fired (failures not counted)
     */
    public int fireDue(Instant now, int batchSize, Consumer<DueTimer> effect) {
        Integer count = batch.execute(status -> {
            List<DueTimer> due = dsl.select(ID, DUE_AT, KIND, FORM_ID, RECORD_ID, WORKFLOW_ID, SUBJECT, ATTEMPTS)
                    .from(TIMER)
                    .where(DUE_AT.le(utc(now)))
                    .orderBy(DUE_AT, ID)
                    .limit(batchSize)
                    .forUpdate().skipLocked()
                    .fetch(TimerQueue::timer);
            int fired = 0;
            for (DueTimer timer : due) {
                if (fireOne(timer, effect)) {
                    fired++;
                } else {
                    retryLater(timer, now);
                }
            }
            return fired;
        });
        return count == null ? 0 : count;
    }

    private boolean fireOne(DueTimer timer, Consumer<DueTimer> effect) {
        try {
            savepoint.executeWithoutResult(status -> {
                effect.accept(timer);
                dsl.deleteFrom(TIMER).where(ID.eq(timer.id())).execute();
            });
            return true;
        } catch (RuntimeException e) {
            log.warn("Workflow timer {} ({} of {} {} in {}) failed, attempt {}", timer.id(), timer.kind(),
                    timer.formId(), timer.recordId(), timer.workflowId(), timer.attempts() + 1, e);
            return false;
        }
    }

    private void retryLater(DueTimer timer, Instant now) {
        long factor = 1L << Math.min(timer.attempts(), 10);
        Duration wait = FIRST_RETRY.multipliedBy(factor);
        if (wait.compareTo(LAST_RETRY) > 0) {
            wait = LAST_RETRY;
        }
        dsl.update(TIMER)
                .set(ATTEMPTS, ATTEMPTS.plus(1))
                .set(DUE_AT, utc(now.plus(wait)))
                .set(LAST_ERROR, "failed at " + now + ", see the log")
                .where(ID.eq(timer.id()))
                .execute();
    }

    private static DueTimer timer(Record row) {
        return new DueTimer(row.get(ID), row.get(DUE_AT).toInstant(), row.get(KIND), row.get(FORM_ID),
                row.get(RECORD_ID), row.get(WORKFLOW_ID), row.get(SUBJECT), row.get(ATTEMPTS));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
