package io.kehu.platform.api.rest;

import io.kehu.platform.api.web.ApiCaller;
import io.kehu.platform.api.web.ApiProblem;
import io.kehu.platform.api.web.ApiProblem.FieldProblem;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.workflow.TaskInState;
import io.kehu.platform.workflow.WorkflowTask;
import io.kehu.platform.workflow.Workflows;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The token user's tasks (我的待办) over HTTP: their open tasks in the inbox's order (earliest due first, undated last)
 * in keyset pages, one task, and marking a task of an automation or plugin done. A task of a workflow state closes
 * when a transition moves its record on, as on the screens; marking it is refused with where to go instead. Tasks
 * about forms outside the token's scopes are left out.
 */
@RestController
@RequestMapping(path = "/api/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
class TasksController {

    private static final int MAX_LIMIT = 200;

    private final Workflows workflows;
    private final ApiForms forms;

    TasksController(Workflows workflows, FormCatalog catalog) {
        this.workflows = workflows;
        this.forms = new ApiForms(catalog);
    }

    @GetMapping
    Map<String, Object> mine(@RequestParam(name = "limit", defaultValue = "50") int limit,
                             @RequestParam(name = "cursor", required = false) String cursor,
                             @RequestParam(name = "kind", required = false) String kind) {
        ApiCaller caller = ApiCaller.current();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad_query").error(
                    FieldProblem.atParameter("limit", "bad_limit", "api.problem.bad_limit", MAX_LIMIT));
        }
        Position after = cursor == null ? null : Position.decode(cursor);
        // One more than the page tells whether a next page exists without counting.
        List<WorkflowTask> page = workflows.openTasksAfter(caller.actor(), kind, after == null ? null : after.due(),
                after == null ? null : after.id(), limit + 1);
        boolean more = page.size() > limit;
        List<WorkflowTask> shown = more ? page.subList(0, limit) : page;
        java.util.Set<String> readable = readableForms(caller);
        List<Map<String, Object>> items = new ArrayList<>();
        for (WorkflowTask t : shown) {
            if (readable.contains(t.formId())) {
                items.add(WorkflowJson.task(t));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        WorkflowTask last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
        body.put("next_cursor", more ? new Position(last.dueAt(), last.id()).encode() : null);
        return body;
    }

    @GetMapping("/{task}")
    Map<String, Object> one(@PathVariable("task") long taskId) {
        ApiCaller caller = ApiCaller.current();
        return WorkflowJson.task(visible(caller, taskId).task());
    }

    /** Marks a task of an automation or plugin done (its assignee or an administrator). */
    @PostMapping("/{task}/complete")
    Map<String, Object> complete(@PathVariable("task") long taskId) {
        ApiCaller caller = ApiCaller.current();
        TaskInState found = visible(caller, taskId);
        WorkflowTask task = found.task();
        if (!caller.scopes().mayWrite(task.formId())) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "scope", task.formId());
        }
        switch (workflows.completeTask(caller.actor(), taskId)) {
            case DONE -> {
                return WorkflowJson.task(visible(caller, taskId).task());
            }
            case NOT_OPEN -> throw new ApiProblem(HttpStatus.CONFLICT, "task_not_open", taskId)
                    .member("task_status", task.status().name().toLowerCase(java.util.Locale.ROOT));
            case NEEDS_TRANSITION -> throw new ApiProblem(HttpStatus.CONFLICT, "task_needs_transition", taskId)
                    .member("workflow", "/api/forms/" + task.formId() + "/records/" + task.recordId() + "/workflow");
            default -> throw new IllegalStateException();
        }
    }

    private TaskInState visible(ApiCaller caller, long taskId) {
        java.util.Set<String> readable = readableForms(caller);
        return workflows.task(caller.actor(), taskId).filter(t -> readable.contains(t.task().formId()))
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "task_not_found", taskId));
    }

    /** The forms whose tasks the caller sees: those their roles and the token's scopes let them read. */
    private java.util.Set<String> readableForms(ApiCaller caller) {
        return forms.all(caller).stream().map(io.kehu.platform.forms.FormDefinition::id)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** Where a page ended: the last task's due time (null: undated) and id, opaque to clients (base64url). */
    record Position(Instant due, long id) {

        String encode() {
            String plain = (due == null ? "" : due.toString()) + "|" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor) {
            try {
                String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int bar = plain.indexOf('|');
                if (bar < 0) {
                    throw new IllegalArgumentException(cursor);
                }
                String due = plain.substring(0, bar);
                return new Position(due.isEmpty() ? null : Instant.parse(due), Long.parseLong(plain.substring(bar + 1)));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad_query").error(
                        FieldProblem.atParameter("cursor", "bad_cursor", "api.problem.bad_cursor"));
            }
        }
    }
}
