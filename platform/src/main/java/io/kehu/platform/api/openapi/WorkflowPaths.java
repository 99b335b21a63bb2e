package io.kehu.platform.api.openapi;

import static io.kehu.platform.api.openapi.OpenApiDocument.content;
import static io.kehu.platform.api.openapi.OpenApiDocument.header;
import static io.kehu.platform.api.openapi.OpenApiDocument.map;
import static io.kehu.platform.api.openapi.OpenApiDocument.operation;
import static io.kehu.platform.api.openapi.OpenApiDocument.pathId;
import static io.kehu.platform.api.openapi.OpenApiDocument.query;
import static io.kehu.platform.api.openapi.OpenApiDocument.ref;
import static io.kehu.platform.api.openapi.OpenApiDocument.withEtag;

import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.workflow.Transition;
import io.kehu.platform.workflow.WorkflowDefinition;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The workflow part of the OpenAPI document: per form bound to a workflow its state, transition and history paths
 * (the transition ids listed with their labels), and the task paths shared by every caller.
 */
final class WorkflowPaths {

    private WorkflowPaths() {
    }

    static void addRecordWorkflow(FormDefinition form, WorkflowDefinition workflow, Locale language,
                                  Map<String, Object> paths) {
        boolean zh = "zh".equals(language.getLanguage());
        String id = form.id();
        String label = FieldSchemas.text(form.label(), language, id) + " · "
                + FieldSchemas.text(workflow.label(), language, workflow.id());
        List<Object> tags = List.of(FieldSchemas.text(form.label(), language, id));
        String base = "/api/forms/" + id + "/records/{id}/workflow";
        paths.put(base, map("get", operation(id + "_workflow", tags, label, List.of(pathId()), null,
                map("200", withEtag(content(ref("WorkflowState")))))));
        StringBuilder moves = new StringBuilder();
        for (Transition t : workflow.transitions()) {
            moves.append(moves.isEmpty() ? "" : ", ").append(t.id()).append(" (")
                    .append(FieldSchemas.text(t.label(), language, t.id())).append(')');
        }
        Map<String, Object> transitionParam = map("name", "transition", "in", "path", "required", true,
                "schema", map("type", "string", "enum", workflow.transitions().stream().map(Transition::id).toList()),
                "description", moves.toString());
        Map<String, Object> take = operation(id + "_transition", tags, label,
                List.of(pathId(), transitionParam, header("If-Match", true)), map("required", false, "content",
                        map("application/json", map("schema", ref("TransitionRequest")))),
                map("200", withEtag(content(ref(id)))));
        take.put("description", zh ? "执行流程操作：说明（comment）与该操作要求填写的字段（values）在同一事务中保存。"
                + "被拒绝时 problem+json 的 reason 与 detail 说明原因。"
                : "Takes a workflow action; the comment and the values of the fields it requires are saved in one"
                + " transaction. A refusal's problem+json gives the reason and why in detail.");
        paths.put(base + "/transitions/{transition}", map("post", take));
        paths.put(base + "/history", map("get", operation(id + "_workflow_history", tags, label, List.of(pathId()),
                null, map("200", content(map("type", "object", "properties", map("items",
                        map("type", "array", "items", ref("WorkflowStep")))))))));
        Map<String, Object> given = operation(id + "_workflow_approvals", tags, label, List.of(pathId()), null,
                map("200", content(map("type", "object", "properties", map("items",
                        map("type", "array", "items", ref("ApprovalGiven")))))));
        given.put("description", zh ? "本记录上给出的每一次审批同意（各轮），最新的在前，含说明。"
                : "Every approval given on the record (all rounds), newest first, with comments.");
        paths.put(base + "/approvals", map("get", given));
    }

    static void addShared(boolean zh, Map<String, Object> paths, Map<String, Object> schemas) {
        Map<String, Object> text = map("type", "object", "properties", map("zh", map("type", List.of("string", "null")),
                "en", map("type", List.of("string", "null"))));
        Map<String, Object> state = map("type", "object", "properties", map("id", map("type", "string"),
                "label", text, "final", map("type", "boolean")));
        schemas.put("WorkflowState", map("type", "object", "properties", map(
                "workflow", map("type", "object"), "record_id", map("type", "integer", "format", "int64"),
                "row_version", map("type", "integer"), "state", state,
                "transitions", map("type", "array", "items", map("type", "object", "properties", map(
                        "id", map("type", "string"), "label", text, "to", state,
                        "comment", map("type", "string", "enum", List.of("none", "optional", "required")),
                        "requires", map("type", "array", "items", map("type", "string"))))),
                "sla", map("type", "object"),
                "open_tasks", map("type", "array", "items", ref("Task")),
                "approvals", map("type", "array", "items", ref("ApprovalRound")))));
        Map<String, Object> person = map("user_id", map("type", "integer", "format", "int64"),
                "name", map("type", "string"));
        Map<String, Object> approvedBy = new java.util.LinkedHashMap<>(person);
        approvedBy.put("approved_at", map("type", "string", "format", "date-time"));
        Map<String, Object> round = map("type", "object", "properties", map(
                "transition", map("type", "string"), "label", text,
                "mode", map("type", "string", "enum", List.of("any", "all")),
                "needed", map("type", "integer"), "missing", map("type", "integer"),
                "approved", map("type", "array", "items", map("type", "object", "properties", approvedBy)),
                "pending", map("type", "array", "items", map("type", "object", "properties", person))));
        round.put("description", zh ? "多人审批（或签/会签）当前一轮：需几人批准、还差几人、谁已批准（何时）、谁尚待审批。"
                : "The open round of an approval by several people (any-of or all-of): approvals needed and missing,"
                + " who approved when, who still has to.");
        schemas.put("ApprovalRound", round);
        schemas.put("ApprovalGiven", map("type", "object", "properties", map(
                "transition", map("type", "string"), "label", text, "state", state,
                "comment", map("type", List.of("string", "null")),
                "approved_by", map("type", List.of("integer", "null")),
                "approved_by_name", map("type", List.of("string", "null")),
                "approved_at", map("type", "string", "format", "date-time"))));
        schemas.put("TransitionRequest", map("type", "object", "properties", map(
                "comment", map("type", List.of("string", "null"), "maxLength", 2000),
                "values", map("type", "object")), "additionalProperties", false));
        schemas.put("WorkflowStep", map("type", "object", "properties", map(
                "transition", map("type", "string"), "label", text, "from", state, "to", state,
                "comment", map("type", List.of("string", "null")),
                "acted_by", map("type", List.of("integer", "null")),
                "acted_by_name", map("type", List.of("string", "null")),
                "acted_at", map("type", "string", "format", "date-time"))));
        schemas.put("Task", map("type", "object", "properties", map(
                "id", map("type", "integer", "format", "int64"), "kind", map("type", "string"), "title", text,
                "form", map("type", "string"), "record_id", map("type", "integer", "format", "int64"),
                "record", map("type", "string"), "source", map("type", "string"),
                "assignee_id", map("type", "integer", "format", "int64"),
                "status", map("type", "string", "enum", List.of("open", "done", "cancelled")),
                "due_at", map("type", List.of("string", "null"), "format", "date-time"),
                "overdue", map("type", "boolean"),
                "created_at", map("type", "string", "format", "date-time"),
                "warning", map("type", List.of("object", "null")))));
        List<Object> tags = List.of(zh ? "我的待办" : "My tasks");
        paths.put("/api/tasks", map("get", operation("tasks_list", tags, zh ? "我的待办（未完成）" : "My open tasks",
                List.of(query("limit", map("type", "integer", "minimum", 1, "maximum", 200, "default", 50), "1..200"),
                        query("cursor", map("type", "string"), "next_cursor of the previous page"),
                        query("kind", map("type", "string"), zh ? "待办类型，如 revisit" : "task kind, e.g. revisit")),
                null, map("200", content(map("type", "object", "properties", map(
                        "items", map("type", "array", "items", ref("Task")),
                        "next_cursor", map("type", List.of("string", "null")))))))));
        Map<String, Object> taskId = map("name", "task", "in", "path", "required", true,
                "schema", map("type", "integer", "format", "int64"));
        paths.put("/api/tasks/{task}", map("get", operation("tasks_get", tags, zh ? "一条待办" : "One task",
                List.of(taskId), null, map("200", content(ref("Task"))))));
        Map<String, Object> complete = operation("tasks_complete", tags, zh ? "标记待办完成" : "Mark a task done",
                List.of(taskId), null, map("200", content(ref("Task"))));
        complete.put("description", zh ? "自动化或插件的待办由负责人标记完成；流程状态中的待办在记录离开该状态时完成（409）。"
                : "Tasks of automations and plugins are marked done by their assignee; a task of a workflow state is"
                + " done when its record leaves the state (409).");
        paths.put("/api/tasks/{task}/complete", map("post", complete));
    }
}
