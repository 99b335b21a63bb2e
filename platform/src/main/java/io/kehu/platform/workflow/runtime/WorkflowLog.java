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
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Component;

/**
 * The {@code kehu_workflow_log} table: every transition taken, with its comment, written in the transition's
 * transaction. The record's audit trail holds the field changes of the same write; this holds why.
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
        dsl.insertInto(LOG)
                .columns(FORM_ID, RECORD_ID, WORKFLOW_ID, TRANSITION_ID, FROM_STATE, TO_STATE, COMMENT, ACTED_BY,
                        ACTED_BY_NAME, ACTED_AT)
                .values(formId, recordId, step.workflowId(), step.transitionId(), step.from(), step.to(),
                        step.comment(), step.actedBy(), step.actedByName(), step.actedAt().atOffset(ZoneOffset.UTC))
                .execute();
    }

    /** The steps of a record, oldest first (at most 1000). */
    public List<WorkflowStep> steps(String formId, long recordId) {
        return dsl.select(WORKFLOW_ID, TRANSITION_ID, FROM_STATE, TO_STATE, COMMENT, ACTED_BY, ACTED_BY_NAME, ACTED_AT)
                .from(LOG)
                .where(FORM_ID.eq(formId).and(RECORD_ID.eq(recordId)))
                .orderBy(ID)
                .limit(1000)
                .fetch(r -> new WorkflowStep(r.get(WORKFLOW_ID), r.get(TRANSITION_ID), r.get(FROM_STATE),
                        r.get(TO_STATE), r.get(COMMENT), r.get(ACTED_BY), r.get(ACTED_BY_NAME),
                        r.get(ACTED_AT).toInstant()));
    }

}
