package io.kehu.platform.workflow.runtime;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.workflow.TaskInState;
import io.kehu.platform.workflow.TaskWorkload;
import io.kehu.platform.workflow.WorkflowTask;
import io.kehu.platform.workflow.WorkflowTaskChanged;
import io.kehu.platform.workflow.WorkflowTaskChanged.Change;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The {@code kehu_task} table: tasks written in the caller's transaction, the inbox read by the index on it. Every
 * write publishes a {@link WorkflowTaskChanged} in that transaction, so each path that creates, hands on or completes
 * a task (transitions, automations, escalations, plugins) is seen by the webhook outbox without repeating it there.
 */
@Component
public class TaskStore {

    /** The warning code of a task that went to a manager because nobody was eligible. */
    static final String NO_ELIGIBLE_ASSIGNEE = "noEligibleAssignee";
    /** The state of a task that belongs to no workflow state (a plugin's): only an explicit completion closes it. */
    public static final String ANY_STATE = io.kehu.platform.workflow.TaskInState.ANY_STATE;
    /** The warning code of a task nobody was eligible for whose responsible person has no manager either. */
    static final String NO_ELIGIBLE_NO_MANAGER = "noEligibleNoManager";
    /** The warning code of work handed to a manager because the state's time limit passed. */
    public static final String OVERDUE_REASSIGNED = "overdueReassigned";
    /** The same, when the person responsible has no manager and another manager got it. */
    public static final String OVERDUE_NO_MANAGER = "overdueNoManager";
    private static final Table<Record> TASK = table(name("kehu_task"));
    private static final Field<Long> ID = field(name("id"), Long.class);
    private static final Field<String> FORM_ID = field(name("form_id"), String.class);
    private static final Field<Long> RECORD_ID = field(name("record_id"), Long.class);
    private static final Field<String> WORKFLOW_ID = field(name("workflow_id"), String.class);
    private static final Field<String> KIND = field(name("kind"), String.class);
    private static final Field<String> STATE = field(name("state"), String.class);
    private static final Field<String> TITLE_ZH = field(name("title_zh"), String.class);
    private static final Field<String> TITLE_EN = field(name("title_en"), String.class);
    private static final Field<Long> ASSIGNEE_ID = field(name("assignee_id"), Long.class);
    private static final Field<OffsetDateTime> DUE_AT = field(name("due_at"), OffsetDateTime.class);
    private static final Field<String> STATUS = field(name("status"), String.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> DONE_AT = field(name("done_at"), OffsetDateTime.class);
    private static final Field<Long> DONE_BY = field(name("done_by"), Long.class);
    private static final Field<String> WARNING = field(name("warning"), String.class);

    private final DSLContext dsl;
    private final ApplicationEventPublisher events;

    TaskStore(DSLContext dsl, ApplicationEventPublisher events) {
        this.dsl = dsl;
        this.events = events;
    }

    /**
     * A task to write.
     *
     * @param state the record's state the task belongs to; the record leaving it closes the task
     * @param warningCode a warning shown with the task, or null
     */
    public record NewTask(String formId, long recordId, String workflowId, String kind, String state,
            LocalizedText title, long assigneeId, Instant dueAt, Instant createdAt, String warningCode) {
    }

    /** Writes a task in the caller's transaction and returns its id. */
    public long create(NewTask task) {
        long id = dsl.insertInto(TASK)
                .columns(FORM_ID, RECORD_ID, WORKFLOW_ID, KIND, STATE, TITLE_ZH, TITLE_EN, ASSIGNEE_ID, DUE_AT, STATUS,
                        CREATED_AT, WARNING)
                .values(task.formId(), task.recordId(), task.workflowId(), task.kind(), task.state(),
                        task.title().zh(), task.title().en(), task.assigneeId(), utc(task.dueAt()),
                        WorkflowTask.Status.OPEN.name(), utc(task.createdAt()), task.warningCode())
                .returningResult(ID)
                .fetchOne(ID);
        events.publishEvent(new WorkflowTaskChanged(Change.CREATED, new WorkflowTask(id, task.formId(),
                task.recordId(), task.workflowId(), task.kind(), task.title(), task.assigneeId(), task.dueAt(),
                WorkflowTask.Status.OPEN, task.createdAt(), null), null));
        return id;
    }

    /** How many open tasks each user has (users without any are absent). */
    public Map<Long, Integer> openCounts() {
        Field<Integer> open = count();
        return dsl.select(ASSIGNEE_ID, open).from(TASK).where(STATUS.eq(WorkflowTask.Status.OPEN.name()))
                .groupBy(ASSIGNEE_ID)
                .fetchMap(ASSIGNEE_ID, open);
    }

    /**
     * The statement closing the record's open tasks of {@code state}, unsent and without reading them first (a
     * transition sends it with its other writes in one batch); when it closed any, {@link #publishClosedOnLeaving}
     * tells about them. {@code at} must be whole microseconds, as stored, for that look-up to find them.
     */
    Query closingOnLeaving(String formId, long recordId, String state, Long actorId, Instant at) {
        return dsl.update(TASK)
                .set(STATUS, WorkflowTask.Status.DONE.name())
                .set(DONE_AT, utc(at))
                .set(DONE_BY, actorId)
                .where(FORM_ID.eq(formId).and(RECORD_ID.eq(recordId)).and(STATE.eq(state))
                        .and(STATUS.eq(WorkflowTask.Status.OPEN.name())));
    }

    /** Publishes the tasks {@link #closingOnLeaving} closed at {@code at}. */
    void publishClosedOnLeaving(String formId, long recordId, String state, Long actorId, Instant at) {
        List<Long> closed = dsl.select(ID).from(TASK).where(FORM_ID.eq(formId).and(RECORD_ID.eq(recordId))
                .and(STATE.eq(state)).and(STATUS.eq(WorkflowTask.Status.DONE.name())).and(DONE_AT.eq(utc(at))))
                .fetch(ID);
        if (!closed.isEmpty()) {
            published(closed, Change.COMPLETED, actorId);
        }
    }

    /** Marks open task {@code taskId} of {@code source} (its workflow id column) done; false when it is not open. */
    public boolean complete(long taskId, String source, Long actorId, Instant at) {
        boolean done = dsl.update(TASK)
                .set(STATUS, WorkflowTask.Status.DONE.name())
                .set(DONE_AT, utc(at))
                .set(DONE_BY, actorId)
                .where(ID.eq(taskId).and(WORKFLOW_ID.eq(source)).and(STATUS.eq(WorkflowTask.Status.OPEN.name())))
                .execute() == 1;
        if (done) {
            published(List.of(taskId), Change.COMPLETED, actorId);
        }
        return done;
    }

    /**
     * Marks open tasks {@code ids} cancelled (e.g. the other approvers' once an any-of round is decided); listeners
     * are told they are completed, the task's status says how.
     */
    public int cancel(List<Long> ids, Long actorId, Instant at) {
        if (ids.isEmpty()) {
            return 0;
        }
        int cancelled = dsl.update(TASK)
                .set(STATUS, WorkflowTask.Status.CANCELLED.name())
                .set(DONE_AT, utc(at))
                .set(DONE_BY, actorId)
                .where(ID.in(ids).and(STATUS.eq(WorkflowTask.Status.OPEN.name())))
                .execute();
        published(ids, Change.COMPLETED, actorId);
        return cancelled;
    }

    /** Hands the record's open tasks of {@code state} to {@code userId} with a warning; returns how many. */
    public int reassignOpen(String formId, long recordId, String state, long userId, String warningCode) {
        List<Long> open = openIds(formId, recordId, state);
        if (open.isEmpty()) {
            return 0;
        }
        int handed = dsl.update(TASK)
                .set(ASSIGNEE_ID, userId)
                .set(WARNING, warningCode)
                .where(ID.in(open).and(STATUS.eq(WorkflowTask.Status.OPEN.name())))
                .execute();
        published(open, Change.ASSIGNED, null);
        return handed;
    }

    /**
     * Hands open task {@code taskId} from {@code fromUserId} to {@code toUserId} (转交/改派) and clears its warning (it
     * told why the previous assignee got it); false when it is no longer open with that assignee.
     *
     * @param actorId who handed it on, told to listeners with the change
     */
    public boolean handOver(long taskId, long fromUserId, long toUserId, Long actorId) {
        boolean handed = dsl.update(TASK)
                .set(ASSIGNEE_ID, toUserId)
                .set(WARNING, (String) null)
                .where(ID.eq(taskId).and(ASSIGNEE_ID.eq(fromUserId)).and(STATUS.eq(WorkflowTask.Status.OPEN.name())))
                .execute() == 1;
        if (handed) {
            published(List.of(taskId), Change.ASSIGNED, actorId);
        }
        return handed;
    }

    /** The record's open tasks of {@code state}; the caller's write to the record holds its row lock meanwhile. */
    private List<Long> openIds(String formId, long recordId, String state) {
        return dsl.select(ID).from(TASK).where(FORM_ID.eq(formId).and(RECORD_ID.eq(recordId)).and(STATE.eq(state))
                .and(STATUS.eq(WorkflowTask.Status.OPEN.name()))).fetch(ID);
    }

    private void published(List<Long> ids, Change change, Long actorId) {
        dsl.select(ID, FORM_ID, RECORD_ID, WORKFLOW_ID, KIND, TITLE_ZH, TITLE_EN, ASSIGNEE_ID, DUE_AT, STATUS,
                        CREATED_AT, WARNING)
                .from(TASK).where(ID.in(ids)).orderBy(ID).fetch(TaskStore::task)
                .forEach(t -> events.publishEvent(new WorkflowTaskChanged(change, t, actorId)));
    }

    /** One page of a user's open tasks, earliest due (so overdue) first, tasks without a due date last. */
    public List<WorkflowTask> open(long assigneeId, int offset, int limit) {
        return open(assigneeId, null, offset, limit);
    }

    /**
     * One page of open tasks, earliest due (so overdue) first, tasks without a due date last.
     *
     * @param assigneeId whose tasks, or null for everyone's (a manager's team view)
     * @param kind only tasks of this kind, or null for all
     */
    public List<WorkflowTask> open(Long assigneeId, String kind, int offset, int limit) {
        return open(assigneeId == null ? null : java.util.Set.of(assigneeId), kind, offset, limit);
    }

    /**
     * One page of the open tasks of {@code assignees} (a manager's team), earliest due first, undated last.
     *
     * @param assignees whose tasks, or null for everyone's (an administrator's view)
     * @param kind only tasks of this kind, or null for all
     */
    public List<WorkflowTask> open(java.util.Collection<Long> assignees, String kind, int offset, int limit) {
        return dsl.select(ID, FORM_ID, RECORD_ID, WORKFLOW_ID, KIND, TITLE_ZH, TITLE_EN, ASSIGNEE_ID, DUE_AT, STATUS,
                        CREATED_AT, WARNING)
                .from(TASK)
                .where(openOf(assignees, kind))
                .orderBy(DUE_AT.asc().nullsLast(), ID.asc())
                .offset(offset)
                .limit(limit)
                .fetch(TaskStore::task);
    }

    /** How many open tasks {@code open(assigneeId, kind, ..)} pages through. */
    public int countOpen(Long assigneeId, String kind) {
        return countOpen(assigneeId == null ? null : java.util.Set.of(assigneeId), kind);
    }

    /** How many open tasks {@code open(assignees, kind, ..)} pages through. */
    public int countOpen(java.util.Collection<Long> assignees, String kind) {
        return dsl.select(count()).from(TASK).where(openOf(assignees, kind)).fetchOne(0, Integer.class);
    }

    /**
     * Open and overdue tasks per assignee at {@code now} (one grouped query over the open tasks; users without open
     * tasks are absent).
     */
    public Map<Long, TaskWorkload> workload(Instant now) {
        return workload(now, null);
    }

    /** {@link #workload(Instant)} of {@code assignees} only (a manager's team), or of everyone when null. */
    public Map<Long, TaskWorkload> workload(Instant now, java.util.Collection<Long> assignees) {
        Field<Integer> open = count();
        Field<Integer> overdue = count().filterWhere(DUE_AT.lt(utc(now)));
        Map<Long, TaskWorkload> byUser = new java.util.LinkedHashMap<>();
        dsl.select(ASSIGNEE_ID, open, overdue).from(TASK).where(openOf(assignees, null))
                .groupBy(ASSIGNEE_ID)
                .forEach(r -> byUser.put(r.get(ASSIGNEE_ID), new TaskWorkload(r.get(open), r.get(overdue))));
        return byUser;
    }

    private static org.jooq.Condition openOf(Long assigneeId, String kind) {
        return openOf(assigneeId == null ? null : java.util.Set.of(assigneeId), kind);
    }

    private static org.jooq.Condition openOf(java.util.Collection<Long> assignees, String kind) {
        org.jooq.Condition where = STATUS.eq(WorkflowTask.Status.OPEN.name());
        if (assignees != null) {
            where = (assignees.size() == 1 ? ASSIGNEE_ID.eq(assignees.iterator().next()) : ASSIGNEE_ID.in(assignees))
                    .and(where);
        }
        return kind == null ? where : where.and(KIND.eq(kind));
    }

    /** Task {@code taskId} with its state, if it exists. */
    public java.util.Optional<TaskInState> byId(long taskId) {
        return dsl.select(ID, FORM_ID, RECORD_ID, WORKFLOW_ID, KIND, TITLE_ZH, TITLE_EN, ASSIGNEE_ID, DUE_AT, STATUS,
                        CREATED_AT, WARNING, STATE)
                .from(TASK)
                .where(ID.eq(taskId))
                .fetchOptional(r -> new TaskInState(task(r), r.get(STATE)));
    }

    /**
     * A keyset page of a user's open tasks in the inbox's order (earliest due first, undated last, then by id): those
     * after the task at ({@code afterDue}, {@code afterId}), or from the start when {@code afterId} is null. Unlike
     * offsets, a task done between two pages moves no other task past the reader.
     */
    public List<WorkflowTask> openAfter(long assigneeId, String kind, Instant afterDue, Long afterId, int limit) {
        org.jooq.Condition where = openOf(assigneeId, kind);
        if (afterId != null) {
            where = where.and(afterDue == null
                    ? DUE_AT.isNull().and(ID.gt(afterId))
                    : DUE_AT.gt(utc(afterDue)).or(DUE_AT.eq(utc(afterDue)).and(ID.gt(afterId)))
                            .or(DUE_AT.isNull()));
        }
        return dsl.select(ID, FORM_ID, RECORD_ID, WORKFLOW_ID, KIND, TITLE_ZH, TITLE_EN, ASSIGNEE_ID, DUE_AT, STATUS,
                        CREATED_AT, WARNING)
                .from(TASK)
                .where(where)
                .orderBy(DUE_AT.asc().nullsLast(), ID.asc())
                .limit(limit)
                .fetch(TaskStore::task);
    }

    /** The tasks of a record, oldest first (at most 1000). */
    public List<WorkflowTask> ofRecord(String formId, long recordId) {
        return dsl.select(ID, FORM_ID, RECORD_ID, WORKFLOW_ID, KIND, TITLE_ZH, TITLE_EN, ASSIGNEE_ID, DUE_AT, STATUS,
                        CREATED_AT, WARNING)
                .from(TASK)
                .where(FORM_ID.eq(formId).and(RECORD_ID.eq(recordId)))
                .orderBy(ID)
                .limit(1000)
                .fetch(TaskStore::task);
    }

    private static WorkflowTask task(Record r) {
        String warning = r.get(WARNING);
        return new WorkflowTask(r.get(ID), r.get(FORM_ID), r.get(RECORD_ID), r.get(WORKFLOW_ID), r.get(KIND),
                LocalizedText.of(r.get(TITLE_ZH), r.get(TITLE_EN)), r.get(ASSIGNEE_ID),
                r.get(DUE_AT) == null ? null : r.get(DUE_AT).toInstant(),
                WorkflowTask.Status.valueOf(r.get(STATUS)), r.get(CREATED_AT).toInstant(),
                warning == null ? null : WorkflowTexts.text("task." + warning));
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
