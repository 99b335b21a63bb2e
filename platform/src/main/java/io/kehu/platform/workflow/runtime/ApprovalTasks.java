package io.kehu.platform.workflow.runtime;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.kehu.platform.workflow.WorkflowTask;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Component;

/**
 * The approval rounds kept in {@code kehu_task} (migration V30): a round is the approval tasks written when a record
 * entered a state an approval transition leaves, tied by {@code round_id} (its first task's id), each approver's
 * place among the transition's approvers in {@code seat}. A round's tasks are locked together before an approval is
 * counted, so two approvers at the same moment are counted one after the other and neither approval is lost.
 */
@Component
public class ApprovalTasks {

    private static final Table<Record> TASK = table(name("kehu_task"));
    private static final Field<Long> ID = field(name("id"), Long.class);
    private static final Field<String> FORM_ID = field(name("form_id"), String.class);
    private static final Field<Long> RECORD_ID = field(name("record_id"), Long.class);
    private static final Field<String> KIND = field(name("kind"), String.class);
    private static final Field<String> STATE = field(name("state"), String.class);
    private static final Field<Long> ASSIGNEE_ID = field(name("assignee_id"), Long.class);
    private static final Field<String> STATUS = field(name("status"), String.class);
    private static final Field<OffsetDateTime> DONE_AT = field(name("done_at"), OffsetDateTime.class);
    private static final Field<Long> DONE_BY = field(name("done_by"), Long.class);
    private static final Field<Long> ROUND_ID = field(name("round_id"), Long.class);
    private static final Field<Integer> SEAT = field(name("seat"), Integer.class);

    /**
     * One approver's task in a round.
     *
     * @param seat the approver's place among the transition's approvers
     * @param doneBy who approved (the task DONE) or closed it (CANCELLED), else null
     */
    public record Seat(long taskId, long roundId, int seat, long assigneeId, WorkflowTask.Status status, Long doneBy,
            Instant doneAt) {

        public boolean approved() {
            return status == WorkflowTask.Status.DONE;
        }

        public boolean open() {
            return status == WorkflowTask.Status.OPEN;
        }
    }

    private final DSLContext dsl;
    private final TaskStore tasks;

    ApprovalTasks(DSLContext dsl, TaskStore tasks) {
        this.dsl = dsl;
        this.tasks = tasks;
    }

    /** Writes a round's tasks, one per seat in order, in the caller's transaction; returns the round id. */
    public long open(List<TaskStore.NewTask> seats) {
        long round = -1;
        for (int seat = 0; seat < seats.size(); seat++) {
            long id = tasks.create(seats.get(seat));
            round = seat == 0 ? id : round;
            dsl.update(TASK).set(ROUND_ID, round).set(SEAT, seat).where(ID.eq(id)).execute();
        }
        return round;
    }

    /** The record's latest round of approval tasks of {@code kind} in {@code state}, if one was ever opened. */
    public Optional<Long> latestRound(String formId, long recordId, String kind, String state) {
        return Optional.ofNullable(dsl.select(max(ROUND_ID)).from(TASK)
                .where(FORM_ID.eq(formId).and(RECORD_ID.eq(recordId)).and(KIND.eq(kind)).and(STATE.eq(state)))
                .fetchOne(0, Long.class));
    }

    /** A round's seats, without locking (what screens show). */
    public List<Seat> seats(long roundId) {
        return dsl.select(ID, ROUND_ID, SEAT, ASSIGNEE_ID, STATUS, DONE_BY, DONE_AT).from(TASK)
                .where(ROUND_ID.eq(roundId)).orderBy(SEAT, ID).fetch(ApprovalTasks::seat);
    }

    /**
     * A round's seats, locked ({@code FOR UPDATE}) until the caller's transaction ends: a second approver of the same
     * round waits here, then reads the first one's approval.
     */
    public List<Seat> lock(long roundId) {
        dsl.select(ID).from(TASK).where(ROUND_ID.eq(roundId)).orderBy(ID).forUpdate().fetch();
        return seats(roundId);
    }

    /** The round and seat of task {@code taskId}, if it is an approval task. */
    public Optional<Seat> seatOf(long taskId) {
        return dsl.select(ID, ROUND_ID, SEAT, ASSIGNEE_ID, STATUS, DONE_BY, DONE_AT).from(TASK)
                .where(ID.eq(taskId).and(ROUND_ID.isNotNull())).fetchOptional(ApprovalTasks::seat);
    }

    /** The open approval tasks of the record in {@code state}: the rounds the record leaves with it. */
    public List<Long> openInState(String formId, long recordId, String state) {
        return dsl.select(ID).from(TASK).where(FORM_ID.eq(formId).and(RECORD_ID.eq(recordId)).and(STATE.eq(state))
                .and(ROUND_ID.isNotNull()).and(STATUS.eq(WorkflowTask.Status.OPEN.name()))).fetch(ID);
    }

    private static Seat seat(Record r) {
        OffsetDateTime doneAt = r.get(DONE_AT);
        return new Seat(r.get(ID), r.get(ROUND_ID), r.get(SEAT), r.get(ASSIGNEE_ID),
                WorkflowTask.Status.valueOf(r.get(STATUS)), r.get(DONE_BY), doneAt == null ? null : doneAt.toInstant());
    }
}
