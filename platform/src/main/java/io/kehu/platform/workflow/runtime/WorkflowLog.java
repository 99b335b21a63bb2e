package io.kehu.platform.workflow.runtime;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.kehu.platform.workflow.WorkflowStep;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Component;

/**
 * The {@code kehu_workflow_log} table: every transition taken, with its comment, written in the transition's
 * transaction. The record's audit trail holds the field changes of the same write; this holds why. It also keeps each
 * hand-off of a task (转交/改派) with its reason: such a row's transition id starts with {@code $task:} and names the
 * task and both assignees, its states are the task's state (it moves nothing), and {@link #steps} leaves it out, so
 * the timeline and the state clocks see transitions only.
 */
@Component
public class WorkflowLog {

    private static final Table<Record> LOG = table(name("kehu_workflow_log"));
    private static final Field<Long> ID = field(name("id"), Long.class);
    private static final Field<String> FORM_ID = field(name("form_id"), String.class);
    private static final Field<Long> RECORD_ID = field(name("record_id"), Long.class);
    private static final Field<String> WORKFLOW_ID = field(name("workflow_id"), String.class);
    private static final Field<String> TRANSITION_ID = field(name("transition_id"), String.class);
    private static final Field<String> FROM_STATE = field(name("from_state"), String.class);
    private static final Field<String> TO_STATE = field(name("to_state"), String.class);
    private static final Field<String> COMMENT = field(name("comment_text"), String.class);
    private static final Field<Long> ACTED_BY = field(name("acted_by"), Long.class);
    private static final Field<String> ACTED_BY_NAME = field(name("acted_by_name"), String.class);
    private static final Field<OffsetDateTime> ACTED_AT = field(name("acted_at"), OffsetDateTime.class);

    private final DSLContext dsl;

    WorkflowLog(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Appends a step in the caller's transaction. */
    public void append(String formId, long recordId, WorkflowStep step) {
        appending(formId, recordId, step).execute();
    }

    /** The statement {@link #append} sends, unsent (a transition sends it with its other writes in one batch). */
    Query appending(String formId, long recordId, WorkflowStep step) {
        return dsl.insertInto(LOG)
                .columns(FORM_ID, RECORD_ID, WORKFLOW_ID, TRANSITION_ID, FROM_STATE, TO_STATE, COMMENT, ACTED_BY,
                        ACTED_BY_NAME, ACTED_AT)
                .values(formId, recordId, step.workflowId(), step.transitionId(), step.from(), step.to(),
                        step.comment(), step.actedBy(), step.actedByName(), step.actedAt().atOffset(ZoneOffset.UTC));
    }

    /** The prefix of a hand-off's transition id: {@code $task:<task>:<from>><to>}. */
    static final String HAND_OFF = "$task:";

    /**
     * A task handed to someone else.
     *
     * @param reason why, or null
     */
    public record HandOff(long taskId, long fromUserId, long toUserId, String reason, Long actedBy,
            String actedByName, java.time.Instant actedAt) {
    }

    /** Appends a task's hand-off in the caller's transaction. */
    public void appendHandOff(String formId, long recordId, String workflowId, String taskState, HandOff handOff) {
        append(formId, recordId, new WorkflowStep(workflowId, HAND_OFF + handOff.taskId() + ":" + handOff.fromUserId()
                + ">" + handOff.toUserId(), taskState, taskState, handOff.reason(), handOff.actedBy(),
                handOff.actedByName(), handOff.actedAt()));
    }

    /** The hand-offs of a record's tasks, oldest first (at most 1000). */
    public List<HandOff> handOffs(String formId, long recordId) {
        return dsl.select(TRANSITION_ID, COMMENT, ACTED_BY, ACTED_BY_NAME, ACTED_AT)
                .from(LOG)
                .where(FORM_ID.eq(formId).and(RECORD_ID.eq(recordId)).and(TRANSITION_ID.startsWith(HAND_OFF)))
                .orderBy(ID)
                .limit(1000)
                .fetch(r -> {
                    String[] parts = r.get(TRANSITION_ID).substring(HAND_OFF.length()).split("[:>]");
                    return new HandOff(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]),
                            r.get(COMMENT), r.get(ACTED_BY), r.get(ACTED_BY_NAME), r.get(ACTED_AT).toInstant());
                });
    }

    /** The prefix of an approval's transition id: {@code $vote:<transition>}; its states are the state it was in. */
    static final String VOTE = "$vote:";

    /** Appends one approver's approval of transition {@code step.transitionId()} in the caller's transaction. */
    public void appendApproval(String formId, long recordId, WorkflowStep step) {
        append(formId, recordId, new WorkflowStep(step.workflowId(), VOTE + step.transitionId(), step.from(),
                step.to(), step.comment(), step.actedBy(), step.actedByName(), step.actedAt()));
    }

    /** The approvals given on a record (by transition id, without the prefix), oldest first (at most 1000). */
    public List<WorkflowStep> approvals(String formId, long recordId) {
        return dsl.select(WORKFLOW_ID, TRANSITION_ID, FROM_STATE, TO_STATE, COMMENT, ACTED_BY, ACTED_BY_NAME, ACTED_AT)
                .from(LOG)
                .where(FORM_ID.eq(formId).and(RECORD_ID.eq(recordId)).and(TRANSITION_ID.startsWith(VOTE)))
                .orderBy(ID)
                .limit(1000)
                .fetch(r -> new WorkflowStep(r.get(WORKFLOW_ID), r.get(TRANSITION_ID).substring(VOTE.length()),
                        r.get(FROM_STATE), r.get(TO_STATE), r.get(COMMENT), r.get(ACTED_BY), r.get(ACTED_BY_NAME),
                        r.get(ACTED_AT).toInstant()));
    }

    /** The steps of a record (transitions, not hand-offs or approvals), oldest first (at most 1000). */
    public List<WorkflowStep> steps(String formId, long recordId) {
        return dsl.select(WORKFLOW_ID, TRANSITION_ID, FROM_STATE, TO_STATE, COMMENT, ACTED_BY, ACTED_BY_NAME, ACTED_AT)
                .from(LOG)
                .where(FORM_ID.eq(formId).and(RECORD_ID.eq(recordId)).and(TRANSITION_ID.notLike(HAND_OFF + "%"))
                        .and(TRANSITION_ID.notLike(VOTE + "%")))
                .orderBy(ID)
                .limit(1000)
                .fetch(r -> new WorkflowStep(r.get(WORKFLOW_ID), r.get(TRANSITION_ID), r.get(FROM_STATE),
                        r.get(TO_STATE), r.get(COMMENT), r.get(ACTED_BY), r.get(ACTED_BY_NAME),
                        r.get(ACTED_AT).toInstant()));
    }

}
