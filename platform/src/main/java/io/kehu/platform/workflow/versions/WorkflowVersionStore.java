package io.kehu.platform.workflow.versions;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.kehu.platform.forms.FormTables;
import io.kehu.platform.workflow.WorkflowVersion;
import io.kehu.platform.workflow.WorkflowVersion.Status;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record8;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/**
 * The {@code kehu_workflow_version} table (migration V24): the published versions of each workflow, numbered from 1,
 * and its draft as number 0. Writes join the caller's transaction.
 */
@Repository
public class WorkflowVersionStore {

    static final int DRAFT = 0;
    private static final Table<Record> VERSION = table(name("kehu_workflow_version"));
    private static final Field<String> WORKFLOW_ID = field(name("workflow_id"), String.class);
    private static final Field<Integer> NUMBER = field(name("version_number"), Integer.class);
    private static final Field<String> STATUS = field(name("status"), String.class);
    private static final Field<String> JSON = field(name("definition_json"), String.class);
    private static final Field<String> AUTHOR = field(name("author"), String.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);
    private static final Field<String> COMMENT = field(name("comment_text"), String.class);
    private static final Field<String> MAPPING = field(name("state_mapping"), String.class);

    private final DSLContext dsl;

    WorkflowVersionStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The JSON in force of every workflow, by workflow id in id order. */
    public Map<String, String> allPublished() {
        Map<String, String> published = new LinkedHashMap<>();
        dsl.select(WORKFLOW_ID, JSON).from(VERSION).where(STATUS.eq(Status.PUBLISHED.name())).orderBy(WORKFLOW_ID)
                .forEach(r -> published.put(r.value1(), r.value2()));
        return published;
    }

    /** Every stored workflow id (published or only drafted), in id order. */
    public List<String> ids() {
        return dsl.selectDistinct(WORKFLOW_ID).from(VERSION).orderBy(WORKFLOW_ID).fetch(WORKFLOW_ID);
    }

    /** Whether {@code workflowId} has any version or draft at all (the shipped file then seeds nothing). */
    public boolean exists(String workflowId) {
        return dsl.fetchExists(VERSION, WORKFLOW_ID.eq(workflowId));
    }

    public Optional<WorkflowVersion> published(String workflowId) {
        return select().where(WORKFLOW_ID.eq(workflowId)).and(STATUS.eq(Status.PUBLISHED.name()))
                .fetchOptional(WorkflowVersionStore::version);
    }

    public Optional<WorkflowVersion> version(String workflowId, int number) {
        return select().where(WORKFLOW_ID.eq(workflowId)).and(NUMBER.eq(number))
                .fetchOptional(WorkflowVersionStore::version);
    }

    /** The published and superseded versions of a workflow, newest first. */
    public List<WorkflowVersion> history(String workflowId) {
        return select().where(WORKFLOW_ID.eq(workflowId)).and(NUMBER.gt(DRAFT)).orderBy(NUMBER.desc())
                .fetch(WorkflowVersionStore::version);
    }

    /** Keeps {@code json} as the workflow's draft, replacing an earlier draft. */
    public void saveDraft(String workflowId, String json, String author, OffsetDateTime now) {
        discardDraft(workflowId);
        dsl.insertInto(VERSION)
                .set(WORKFLOW_ID, workflowId).set(NUMBER, DRAFT).set(STATUS, Status.DRAFT.name()).set(JSON, json)
                .set(AUTHOR, author).set(CREATED_AT, now)
                .execute();
    }

    public void discardDraft(String workflowId) {
        dsl.deleteFrom(VERSION).where(WORKFLOW_ID.eq(workflowId)).and(NUMBER.eq(DRAFT)).execute();
    }

    /**
     * Records a publish: the version in force becomes superseded and {@code json} the next version, in force. A draft
     * equal to what was published is cleared, since it holds no unpublished change any more.
     */
    public WorkflowVersion recordPublish(String workflowId, String json, String author, OffsetDateTime now,
            String comment, String stateMapping) {
        int number = dsl.select(max(NUMBER)).from(VERSION).where(WORKFLOW_ID.eq(workflowId))
                .fetchOptional(r -> r.value1() == null ? 0 : r.value1()).orElse(0) + 1;
        dsl.update(VERSION).set(STATUS, Status.SUPERSEDED.name())
                .where(WORKFLOW_ID.eq(workflowId)).and(STATUS.eq(Status.PUBLISHED.name())).execute();
        dsl.insertInto(VERSION)
                .set(WORKFLOW_ID, workflowId).set(NUMBER, number).set(STATUS, Status.PUBLISHED.name())
                .set(JSON, json).set(AUTHOR, author).set(CREATED_AT, now).set(COMMENT, comment)
                .set(MAPPING, stateMapping)
                .execute();
        dsl.deleteFrom(VERSION).where(WORKFLOW_ID.eq(workflowId)).and(NUMBER.eq(DRAFT)).and(JSON.eq(json))
                .execute();
        return new WorkflowVersion(workflowId, number, Status.PUBLISHED, json, author, now, comment, stateMapping);
    }

    /**
     * How many live records of {@code formId} hold each value of {@code statusField} — the in-flight records a
     * publish must account for. One grouped statement on the form's table.
     */
    public Map<String, Long> recordsPerState(String formId, String statusField) {
        Field<String> status = field(name(statusField), String.class);
        Map<String, Long> counts = new LinkedHashMap<>();
        dsl.select(status, count()).from(table(name(FormTables.table(formId))))
                .where(field(name(FormTables.DELETED_AT)).isNull())
                .groupBy(status)
                .forEach(r -> counts.put(r.value1(), r.value2().longValue()));
        return counts;
    }

    /** The live records of {@code formId} in {@code state}, as (id, row version), at most {@code limit}. */
    public List<long[]> recordsIn(String formId, String statusField, String state, int limit) {
        Field<Long> id = field(name(FormTables.ID), Long.class);
        Field<Integer> rowVersion = field(name(FormTables.ROW_VERSION), Integer.class);
        return dsl.select(id, rowVersion).from(table(name(FormTables.table(formId))))
                .where(field(name(statusField), String.class).eq(state))
                .and(field(name(FormTables.DELETED_AT)).isNull())
                .orderBy(id).limit(limit)
                .fetch(r -> new long[] {r.value1(), r.value2()});
    }

    /**
     * How many soft-deleted records of {@code formId} hold each value of {@code statusField}: they are out of every
     * list and write, but a restore brings them back with that value.
     */
    public Map<String, Long> deletedPerState(String formId, String statusField) {
        Field<String> status = field(name(statusField), String.class);
        Map<String, Long> counts = new LinkedHashMap<>();
        dsl.select(status, count()).from(table(name(FormTables.table(formId))))
                .where(field(name(FormTables.DELETED_AT)).isNotNull())
                .groupBy(status)
                .forEach(r -> counts.put(r.value1(), r.value2().longValue()));
        return counts;
    }

    /**
     * Sets the status of the soft-deleted records of {@code formId} in state {@code from} to {@code to} (a publish
     * that removed {@code from}), bumping their row version; returns their ids. The write path refuses deleted
     * records by design, so this is the one place their status changes: in the publish's transaction.
     */
    public List<Long> moveDeleted(String formId, String statusField, String from, String to) {
        Table<Record> records = table(name(FormTables.table(formId)));
        Field<Long> id = field(name(FormTables.ID), Long.class);
        Field<String> status = field(name(statusField), String.class);
        Field<Integer> rowVersion = field(name(FormTables.ROW_VERSION), Integer.class);
        org.jooq.Condition deletedIn = status.eq(from).and(field(name(FormTables.DELETED_AT)).isNotNull());
        List<Long> ids = dsl.select(id).from(records).where(deletedIn).orderBy(id).fetch(id);
        if (!ids.isEmpty()) {
            dsl.update(records).set(status, to).set(rowVersion, rowVersion.plus(1)).where(deletedIn).execute();
        }
        return ids;
    }

    private org.jooq.SelectJoinStep<Record8<String, Integer, String, String, String, OffsetDateTime, String, String>>
            select() {
        return dsl.select(WORKFLOW_ID, NUMBER, STATUS, JSON, AUTHOR, CREATED_AT, COMMENT, MAPPING).from(VERSION);
    }

    private static WorkflowVersion version(
            Record8<String, Integer, String, String, String, OffsetDateTime, String, String> r) {
        return new WorkflowVersion(r.value1(), r.value2(), Status.valueOf(r.value3()), r.value4(), r.value5(),
                r.value6(), r.value7(), r.value8());
    }
}
