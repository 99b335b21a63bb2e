package io.kehu.platform.api.rest;

import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.workflow.Approval;
import io.kehu.platform.workflow.ApprovalStatus;
import io.kehu.platform.workflow.Transition;
import io.kehu.platform.workflow.WorkflowDefinition;
import io.kehu.platform.workflow.WorkflowState;
import io.kehu.platform.workflow.WorkflowStep;
import io.kehu.platform.workflow.WorkflowTask;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON shapes of workflow states, transitions, steps and tasks: ids for programs, zh/en labels for people. */
final class WorkflowJson {

    private WorkflowJson() {
    }

    static Map<String, Object> text(LocalizedText text) {
        Map<String, Object> both = new LinkedHashMap<>();
        both.put("zh", text == null ? null : text.zh());
        both.put("en", text == null ? null : text.en());
        return both;
    }

    static Map<String, Object> state(WorkflowDefinition workflow, String stateId) {
        WorkflowState state = workflow.state(stateId).orElse(null);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", stateId);
        json.put("label", text(state == null ? LocalizedText.of(stateId, stateId) : state.label()));
        json.put("final", state != null && state.terminal());
        return json;
    }

    static Map<String, Object> transition(WorkflowDefinition workflow, Transition t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", t.id());
        json.put("label", text(t.label()));
        json.put("to", state(workflow, t.to()));
        json.put("comment", t.comment().name().toLowerCase(Locale.ROOT));
        json.put("requires", t.requires());
        return json;
    }

    static Map<String, Object> step(WorkflowDefinition workflow, WorkflowStep s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("transition", s.transitionId());
        json.put("label", workflow.transition(s.transitionId()).map(t -> text(t.label())).orElse(null));
        json.put("from", state(workflow, s.from()));
        json.put("to", state(workflow, s.to()));
        json.put("comment", s.comment());
        json.put("acted_by", s.actedBy());
        json.put("acted_by_name", s.actedByName());
        json.put("acted_at", instant(s.actedAt()));
        return json;
    }

    /**
     * The open round of an approval by several people (或签/会签) on a record: the transition it decides, whether any
     * or all seats decide it, how many approvals it needs and still misses, who approved when, and who still holds an
     * approval task. The same figures as the record view's line under the buttons ({@code Workflows.approvalStatus}).
     */
    static Map<String, Object> approval(ApprovalStatus status) {
        Transition t = status.transition();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("transition", t.id());
        json.put("label", text(t.label()));
        json.put("mode", t.approval() == null ? null : t.approval().mode() == Approval.Mode.ALL ? "all" : "any");
        json.put("needed", status.needed());
        json.put("missing", status.missing());
        List<Map<String, Object>> approved = new ArrayList<>();
        for (ApprovalStatus.Approver a : status.approved()) {
            Map<String, Object> who = new LinkedHashMap<>();
            who.put("user_id", a.userId());
            who.put("name", a.name());
            who.put("approved_at", instant(a.at()));
            approved.add(who);
        }
        json.put("approved", approved);
        List<Map<String, Object>> pending = new ArrayList<>();
        for (ApprovalStatus.Approver a : status.pending()) {
            Map<String, Object> who = new LinkedHashMap<>();
            who.put("user_id", a.userId());
            who.put("name", a.name());
            pending.add(who);
        }
        json.put("pending", pending);
        return json;
    }

    /** One approval given (in any round, decided or not): who approved which transition, when, and their comment. */
    static Map<String, Object> vote(WorkflowDefinition workflow, WorkflowStep s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("transition", s.transitionId());
        json.put("label", workflow.transition(s.transitionId()).map(t -> text(t.label())).orElse(null));
        json.put("state", state(workflow, s.from()));
        json.put("comment", s.comment());
        json.put("approved_by", s.actedBy());
        json.put("approved_by_name", s.actedByName());
        json.put("approved_at", instant(s.actedAt()));
        return json;
    }

    static Map<String, Object> task(WorkflowTask t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", t.id());
        json.put("kind", t.kind());
        json.put("title", text(t.title()));
        json.put("form", t.formId());
        json.put("record_id", t.recordId());
        json.put("record", "/api/forms/" + t.formId() + "/records/" + t.recordId());
        json.put("source", t.workflowId());
        json.put("assignee_id", t.assigneeId());
        json.put("status", t.status().name().toLowerCase(Locale.ROOT));
        json.put("due_at", instant(t.dueAt()));
        json.put("overdue", t.overdueAt(Instant.now()));
        json.put("created_at", instant(t.createdAt()));
        json.put("warning", t.warning() == null ? null : text(t.warning()));
        return json;
    }

    static String instant(Instant at) {
        return at == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));
    }
}
