package io.kehu.platform.plugins;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.kehu.sdk.jobs.JobStatus;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The lock rows of {@code kehu_plugin_job}. A node may start a due run only by winning one conditional UPDATE: the
 * lock is free (or its lease ran out, e.g. the holder crashed) and the run's slot (its scheduled instant) is later
 * than the last slot run. Every node computes the same slot for the same due run, so exactly one of them runs it,
 * whichever database backs the cluster.
 */
@Repository
class JobLocks {

    static final Duration LEASE = Duration.ofHours(1);

    private static final Table<Record> JOB = table(name("kehu_plugin_job"));
    private static final Field<String> KEY = field(name("job_key"), String.class);
    private static final Field<String> LOCKED_BY = field(name("locked_by"), String.class);
    private static final Field<OffsetDateTime> LOCKED_UNTIL = field(name("locked_until"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> LAST_SLOT = field(name("last_slot"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> STARTED = field(name("last_started"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> FINISHED = field(name("last_finished"), OffsetDateTime.class);
    private static final Field<String> RESULT = field(name("last_result"), String.class);
    private static final Field<Long> DONE = field(name("done"), Long.class);
    private static final Field<Long> TOTAL = field(name("total"), Long.class);
    private static final Field<String> NOTE = field(name("note"), String.class);

    private final DSLContext dsl;

    JobLocks(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Takes the lock for the run due at {@code slot}; false when another node has it or ran that slot already. */
    boolean tryStart(String jobKey, OffsetDateTime slot, String node) {
        try {
            dsl.insertInto(JOB, KEY, DONE, TOTAL)
                    .select(DSL.select(DSL.val(jobKey), DSL.val(0L), DSL.val(0L))
                            .whereNotExists(DSL.selectOne().from(JOB).where(KEY.eq(jobKey))))
                    .execute();
        } catch (DataAccessException anotherNodeInsertedItFirst) {
            // The row exists now, which is all this needs.
        }
        OffsetDateTime now = PluginStateStore.now();
        return dsl.update(JOB).set(LOCKED_BY, node).set(LOCKED_UNTIL, now.plus(LEASE)).set(LAST_SLOT, slot)
                .set(STARTED, now).set(DONE, 0L).set(TOTAL, 0L).set(NOTE, (String) null)
                .where(KEY.eq(jobKey))
                .and(LOCKED_UNTIL.isNull().or(LOCKED_UNTIL.lt(now)))
                .and(LAST_SLOT.isNull().or(LAST_SLOT.lt(slot)))
                .execute() == 1;
    }

    /** Records progress and extends the lease of a long run. */
    void progress(String jobKey, long done, long total, String note) {
        dsl.update(JOB).set(DONE, done).set(TOTAL, total).set(NOTE, note)
                .set(LOCKED_UNTIL, PluginStateStore.now().plus(LEASE)).where(KEY.eq(jobKey)).execute();
    }

    void finish(String jobKey, String result) {
        dsl.update(JOB).set(LOCKED_BY, (String) null).set(LOCKED_UNTIL, (OffsetDateTime) null)
                .set(FINISHED, PluginStateStore.now()).set(RESULT, result).where(KEY.eq(jobKey)).execute();
    }

    Optional<JobStatus> status(String jobKey, String jobId) {
        OffsetDateTime now = PluginStateStore.now();
        return dsl.select(LOCKED_UNTIL, STARTED, FINISHED, RESULT, DONE, TOTAL, NOTE).from(JOB)
                .where(KEY.eq(jobKey))
                .fetchOptional(r -> new JobStatus(jobId, r.value1() != null && r.value1().isAfter(now), r.value2(),
                        r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
    }
}
