package io.kehu.platform.workflow.runtime;

import io.kehu.platform.workflow.WorkflowStep;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.springframework.stereotype.Component;

/**
 * What a transition writes once the record is saved — the state clocks' timer changes, the log row and the closing of
 * the open tasks of the state left — sent together: on PostgreSQL as one prepared statement of several parts, one round
 * trip instead of four; on embedded H2 as a plain batch. Round trips and per-statement work, not what PostgreSQL does
 * for each statement, were most of what a transition cost over a plain update (issue 17's benchmark,
 * docs/benchmarks.md).
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
        // The task update first: its count is the first result (the others' counts are not needed).
        List<Query> batch = new ArrayList<>();
        batch.add(tasks.closingOnLeaving(formId, recordId, step.from(), step.actedBy(), step.actedAt()));
        batch.addAll(deferred);
        batch.add(log.appending(formId, recordId, step));
        if (dsl.dialect().family() == SQLDialect.POSTGRES) {
            return sentAsOne(batch) != 0;
        }
        // Embedded H2 has no round trip to save: a plain batch.
        int[] counts = dsl.batch(batch).execute();
        // A driver may answer "done, count unknown" (negative): then look, rather than miss a closed task's notice.
        return counts.length == 0 || counts[0] != 0;
    }

    /**
     * Sends {@code queries} as one prepared statement of several (PostgreSQL's driver sends its parts together, with
     * one sync, and keeps each part parsed and, after a few uses, prepared on the server — a batch of inlined text
     * would be parsed and planned anew every time); returns the first part's update count.
     */
    private int sentAsOne(List<Query> queries) {
        StringBuilder sql = new StringBuilder();
        List<Object> values = new ArrayList<>();
        for (Query q : queries) {
            if (!sql.isEmpty()) {
                sql.append(";\n");
            }
            sql.append(dsl.render(q));
            values.addAll(dsl.extractBindValues(q));
        }
        return dsl.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < values.size(); i++) {
                    statement.setObject(i + 1, values.get(i));
                }
                statement.execute();
                return statement.getUpdateCount();
            }
        });
    }

    /** Publishes the tasks {@link #write} closed for {@code step}. */
    public void publishClosedTasks(String formId, long recordId, WorkflowStep step) {
        tasks.publishClosedOnLeaving(formId, recordId, step.from(), step.actedBy(), step.actedAt());
    }
}
