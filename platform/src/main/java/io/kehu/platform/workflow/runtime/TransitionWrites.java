package io.kehu.platform.workflow.runtime;

import io.kehu.platform.workflow.WorkflowStep;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.springframework.stereotype.Component;

/**
 * What a transition writes once the record is saved — the state clocks' timer changes, the log row and the closing of
 * the open tasks of the state left — sent as one JDBC batch. On PostgreSQL that is one round trip instead of four;
 * the round trips, not the statements' own work, were most of what a transition cost over a plain update
 * (issue 17's benchmark, docs/benchmarks.md).
 */
@Component
public class TransitionWrites {

    private final DSLContext dsl;
    private final WorkflowLog log;
    private final TaskStore tasks;

    TransitionWrites(DSLContext dsl, WorkflowLog log, TaskStore tasks) {
        this.dsl = dsl;
        this.log = log;
        this.tasks = tasks;
    }

    /**
     * Writes {@code deferred} (collected by {@link TransitionScope#moving(String, long, String, List,
     * java.util.function.Supplier)}), the step and the closing of the open tasks of {@code step.from()} in the caller's
     * transaction. The step's time must be whole microseconds.
     *
     * @return whether it closed tasks (or the driver could not tell): then {@link #publishClosedTasks} tells about them
     */
    public boolean write(String formId, long recordId, WorkflowStep step, List<Query> deferred) {
        List<Query> batch = new ArrayList<>(deferred);
        batch.add(log.appending(formId, recordId, step));
        batch.add(tasks.closingOnLeaving(formId, recordId, step.from(), step.actedBy(), step.actedAt()));
        int[] counts = dsl.batch(batch).execute();
        // A driver may answer "done, count unknown" (negative): then look, rather than miss a closed task's notice.
        return counts.length < batch.size() || counts[batch.size() - 1] != 0;
    }

    /** Publishes the tasks {@link #write} closed for {@code step}. */
    public void publishClosedTasks(String formId, long recordId, WorkflowStep step) {
        tasks.publishClosedOnLeaving(formId, recordId, step.from(), step.actedBy(), step.actedAt());
    }
}
