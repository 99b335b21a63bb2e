package io.kehu.platform.api.rest;

import io.kehu.platform.api.web.ApiCaller;
import io.kehu.platform.api.web.ApiProblem;
import io.kehu.platform.api.web.ApiProblem.FieldProblem;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.records.FieldError;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordNotFoundException;
import io.kehu.platform.records.RecordValidationException;
import io.kehu.platform.records.Records;
import io.kehu.platform.workflow.ApprovalStatus;
import io.kehu.platform.workflow.Transition;
import io.kehu.platform.workflow.WorkflowDefinition;
import io.kehu.platform.workflow.WorkflowStep;
import io.kehu.platform.workflow.WorkflowTask;
import io.kehu.platform.workflow.Workflows;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * A record's workflow over HTTP: where it stands and which transitions the token's user may take now (the buttons of
 * the record view), taking one with its comment and required fields, and the steps taken. Everything goes through
 * {@link Workflows} with the token's user as actor, so who may act, guards, comments, required fields and the
 * optimistic lock are decided exactly as for the screens; refusals carry the workflow's own zh/en reason.
 */
@RestController
@RequestMapping(path = "/api/forms/{form}/records/{id}/workflow", produces = MediaType.APPLICATION_JSON_VALUE)
class WorkflowsController {

    private final Workflows workflows;
    private final Records records;
    private final ApiForms forms;

    WorkflowsController(Workflows workflows, Records records, FormCatalog catalog) {
        this.workflows = workflows;
        this.records = records;
        this.forms = new ApiForms(catalog);
    }

    /** The record's state, the transitions its reader may take now, and its open tasks. */
    @GetMapping
    ResponseEntity<Map<String, Object>> state(@PathVariable("form") String formId, @PathVariable("id") long id) {
        ApiCaller caller = ApiCaller.current();
        FormDefinition form = forms.readable(caller, formId);
        WorkflowDefinition workflow = workflowOf(form);
        Record record = visible(caller, form, id);
        List<Transition> allowed = found(form, id, () -> workflows.allowedTransitions(caller.actor(), form.id(), id));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("workflow", Map.of("id", workflow.id(), "label", WorkflowJson.text(workflow.label())));
        body.put("record_id", record.id());
        body.put("row_version", record.rowVersion());
        body.put("state", WorkflowJson.state(workflow, String.valueOf(record.get(workflow.statusField()))));
        List<Map<String, Object>> transitions = new ArrayList<>();
        for (Transition t : allowed) {
            transitions.add(WorkflowJson.transition(workflow, t));
        }
        body.put("transitions", transitions);
        workflows.slaClock(caller.actor(), form.id(), id).ifPresent(sla -> body.put("sla", Map.of(
                "entered_at", WorkflowJson.instant(sla.enteredAt()), "due_at", WorkflowJson.instant(sla.dueAt()),
                "overdue", sla.overdue())));
        List<Map<String, Object>> open = new ArrayList<>();
        for (WorkflowTask t : workflows.openTasksOf(caller.actor(), form.id(), id)) {
            open.add(WorkflowJson.task(t));
        }
        body.put("open_tasks", open);
        List<Map<String, Object>> approvals = new ArrayList<>();
        for (ApprovalStatus status : found(form, id,
                () -> workflows.approvalStatus(caller.actor(), form.id(), id))) {
            approvals.add(WorkflowJson.approval(status));
        }
        body.put("approvals", approvals);
        return ResponseEntity.ok().eTag("\"" + record.rowVersion() + "\"").body(body);
    }

    /**
     * Takes transition {@code transition} on the record read at {@code If-Match}, with {@code comment} and the
     * {@code values} of the fields it requires, in one transaction; answers the record after the move.
     */
    @PostMapping("/transitions/{transition}")
    ResponseEntity<Map<String, Object>> take(@PathVariable("form") String formId, @PathVariable("id") long id,
                                             @PathVariable("transition") String transitionId,
                                             @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                             String ifMatch, HttpServletRequest request) {
        ApiCaller caller = ApiCaller.current();
        FormDefinition form = forms.writable(caller, formId);
        workflowOf(form);
        int version = Versions.required(ifMatch);
        JsonNode body = request.getContentLengthLong() == 0 ? null : RequestBodies.object(request);
        String comment = null;
        Map<String, Object> values = Map.of();
        if (body != null) {
            comment = comment(body);
            JsonNode given = body.path("values");
            if (!given.isMissingNode() && !given.isNull()) {
                if (!given.isObject()) {
                    throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "validation", 1).error(
                            FieldProblem.atPointer("/values", "not_object", "api.problem.not_object.title"));
                }
                values = underValues(() -> RecordJson.fromJson(form, given));
            }
            for (Map.Entry<String, JsonNode> member : body.properties()) {
                if (!member.getKey().equals("comment") && !member.getKey().equals("values")) {
                    throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "validation", 1).error(
                            FieldProblem.atPointer("/" + member.getKey(), "unknown_field",
                                    "api.problem.unknown_field", member.getKey()));
                }
            }
        }
        String text = comment;
        Map<String, Object> changes = values;
        Record moved = found(form, id, () -> underValues(() -> workflows.transition(caller.actor(), form.id(), id,
                transitionId, text, changes, version)));
        return ResponseEntity.ok().eTag("\"" + moved.rowVersion() + "\"").body(RecordJson.toJson(form, moved, null));
    }

    /** The transitions taken on the record, newest first, with their comments. */
    @GetMapping("/history")
    Map<String, Object> history(@PathVariable("form") String formId, @PathVariable("id") long id) {
        ApiCaller caller = ApiCaller.current();
        FormDefinition form = forms.readable(caller, formId);
        WorkflowDefinition workflow = workflowOf(form);
        List<WorkflowStep> steps = new ArrayList<>(found(form, id,
                () -> workflows.steps(caller.actor(), form.id(), id)));
        java.util.Collections.reverse(steps);
        List<Map<String, Object>> items = new ArrayList<>();
        for (WorkflowStep s : steps) {
            items.add(WorkflowJson.step(workflow, s));
        }
        return Map.of("items", items);
    }

    /**
     * Every approval given on the record (approvals by several people, all rounds, the open one and those decided or
     * closed by a rejection), newest first, with comments; where the open round stands is in {@code GET …/workflow}.
     */
    @GetMapping("/approvals")
    Map<String, Object> approvals(@PathVariable("form") String formId, @PathVariable("id") long id) {
        ApiCaller caller = ApiCaller.current();
        FormDefinition form = forms.readable(caller, formId);
        WorkflowDefinition workflow = workflowOf(form);
        List<WorkflowStep> given = new ArrayList<>(found(form, id,
                () -> workflows.approvals(caller.actor(), form.id(), id)));
        java.util.Collections.reverse(given);
        List<Map<String, Object>> items = new ArrayList<>();
        for (WorkflowStep s : given) {
            items.add(WorkflowJson.vote(workflow, s));
        }
        return Map.of("items", items);
    }

    private WorkflowDefinition workflowOf(FormDefinition form) {
        return workflows.workflow(form.id())
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "no_workflow", form.id()));
    }

    private Record visible(ApiCaller caller, FormDefinition form, long id) {
        return records.get(caller.actor(), form.id(), id)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "record_not_found", form.id(), id));
    }

    private static String comment(JsonNode body) {
        JsonNode c = body.path("comment");
        if (c.isMissingNode() || c.isNull()) {
            return null;
        }
        if (!c.isString()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "validation", 1).error(
                    FieldProblem.atPointer("/comment", "not_text", "api.problem.comment_not_text"));
        }
        return c.asString();
    }

    /** Field problems of the transition's values point into {@code /values}, where the request put them. */
    private static <T> T underValues(Supplier<T> work) {
        try {
            return work.get();
        } catch (ApiProblem p) {
            if (p.errors().isEmpty() || p.status() != HttpStatus.UNPROCESSABLE_CONTENT) {
                throw p;
            }
            ApiProblem moved = new ApiProblem(p.status(), p.key(), p.detailArgs().toArray());
            for (FieldProblem e : p.errors()) {
                moved.error(new FieldProblem(e.pointer() == null ? null : "/values" + e.pointer(), e.parameter(),
                        e.code(), e.text(), e.detailKey(), e.args()));
            }
            throw moved;
        } catch (RecordValidationException e) {
            ApiProblem problem = new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "validation", e.errors().size());
            for (FieldError error : e.errors()) {
                problem.error(FieldProblem.withText(error.fieldId() == null ? "/values" : "/values/" + error.fieldId(),
                        null, error.code(), error.message()));
            }
            throw problem;
        }
    }

    private static <T> T found(FormDefinition form, long id, Supplier<T> work) {
        try {
            return work.get();
        } catch (RecordNotFoundException e) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "record_not_found", form.id(), id);
        }
    }
}
