package io.kehu.platform.workflow.definition;

import io.kehu.platform.workflow.ActorRule;
import io.kehu.platform.workflow.WorkflowAction;
import io.kehu.platform.workflow.WorkflowProblem.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one action of a transition by its {@code type}: setField, createTask, notify, createRecord, startWorkflow,
 * plugin.
 */
final class ActionJson {

    static final List<String> TYPES = List.of("setField", "createTask", "notify", "createRecord", "startWorkflow",
            "plugin");
    /** A plugin's id: lower-case words joined by {@code -} (PF4J ids such as {@code service-visit}). */
    private static final java.util.regex.Pattern PLUGIN_ID = java.util.regex.Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final int MAX_PARAMS = 20;

    private final JsonCursor at;

    ActionJson(JsonCursor at) {
        this.at = at;
    }

    /** The action, or {@code null} when something was wrong with it (reported). */
    WorkflowAction read(WorkflowJson workflow) {
        String type = at.key("type").present() ? at.key("type").choice(TYPES, null) : null;
        if (type == null) {
            if (!at.key("type").present()) {
                at.key("type").problem(Kind.MISSING, "type");
            }
            return null;
        }
        return switch (type) {
            case "setField" -> setField();
            case "createTask" -> createTask(workflow);
            case "notify" -> notify(workflow);
            case "createRecord" -> createRecord();
            case "plugin" -> pluginAction();
            default -> startWorkflow();
        };
    }

    private WorkflowAction setField() {
        if (!at.object(Set.of("type", "field", "value"))) {
            return null;
        }
        String field = at.key("field").id(true);
        String value = at.key("value").text(true, JsonCursor.MAX_TEXT);
        return field == null || value == null ? null : new WorkflowAction.SetField(field, value);
    }

    private WorkflowAction createTask(WorkflowJson workflow) {
        if (!at.object(Set.of("type", "kind", "title", "assignee", "due", "workingTime"))) {
            return null;
        }
        String kind = at.key("kind").id(true);
        var title = at.key("title").localized(true);
        ActorRule assignee = at.key("assignee").present() ? workflow.actors(at.key("assignee")) : ActorRule.ANYONE;
        var due = at.key("due").duration(false);
        boolean working = at.key("workingTime").flag();
        return kind == null || title == null || assignee == null ? null
                : new WorkflowAction.CreateTask(kind, title, assignee, due, working);
    }

    /** {@code to} (people in the app), {@code webhook} (an endpoint's channel name), or both. */
    private WorkflowAction notify(WorkflowJson workflow) {
        if (!at.object(Set.of("type", "to", "message", "webhook"))) {
            return null;
        }
        String webhook = at.key("webhook").present() ? at.key("webhook").id(true) : null;
        if (at.key("webhook").present() && webhook == null) {
            return null; // reported
        }
        ActorRule to;
        if (at.key("to").present() || webhook == null) {
            to = workflow.actors(at.key("to"));
            if (to == null) {
                return null;
            }
        } else {
            to = null;
        }
        var message = at.key("message").localized(true);
        return message == null ? null : new WorkflowAction.Notify(to, message, webhook);
    }

    private WorkflowAction createRecord() {
        if (!at.object(Set.of("type", "form", "values"))) {
            return null;
        }
        String form = at.key("form").id(true);
        Map<String, String> expressions = expressions();
        return form == null || expressions == null ? null : new WorkflowAction.CreateRecord(form, expressions);
    }

    /** The {@code values} of a createRecord or startWorkflow: field id → expression; null when one was wrong. */
    private Map<String, String> expressions() {
        Map<String, String> expressions = new LinkedHashMap<>();
        boolean complete = true;
        for (Map.Entry<String, JsonCursor> value : at.key("values").entries(WorkflowJson.MAX_FIELDS).entrySet()) {
            String expression = value.getValue().text(true, WorkflowJson.MAX_SCRIPT);
            if (!JsonCursor.ID.matcher(value.getKey()).matches()) {
                value.getValue().problem(Kind.BAD_ID, JsonCursor.shorten(value.getKey()));
                complete = false;
            } else if (expression == null) {
                complete = false;
            } else {
                expressions.put(value.getKey(), expression);
            }
        }
        return complete ? expressions : null;
    }

    private WorkflowAction startWorkflow() {
        if (!at.object(Set.of("type", "workflow", "values"))) {
            return null;
        }
        String workflow = at.key("workflow").id(true);
        Map<String, String> expressions = at.key("values").present() ? expressions() : Map.of();
        return workflow == null || expressions == null ? null
                : new WorkflowAction.StartWorkflow(workflow, expressions);
    }

    /** {@code plugin} (its id), {@code action} (the handler's name) and optional {@code params}: name → text. */
    private WorkflowAction pluginAction() {
        if (!at.object(Set.of("type", "plugin", "action", "params"))) {
            return null;
        }
        String plugin = at.key("plugin").text(true, 64);
        if (plugin != null && !PLUGIN_ID.matcher(plugin).matches()) {
            at.key("plugin").problem(Kind.BAD_ID, JsonCursor.shorten(plugin));
            plugin = null;
        }
        String action = at.key("action").id(true);
        Map<String, String> params = new LinkedHashMap<>();
        boolean complete = true;
        if (at.key("params").present()) {
            for (Map.Entry<String, JsonCursor> param : at.key("params").entries(MAX_PARAMS).entrySet()) {
                String value = param.getValue().text(true, JsonCursor.MAX_TEXT);
                if (!JsonCursor.ID.matcher(param.getKey()).matches()) {
                    param.getValue().problem(Kind.BAD_ID, JsonCursor.shorten(param.getKey()));
                    complete = false;
                } else if (value == null) {
                    complete = false;
                } else {
                    params.put(param.getKey(), value);
                }
            }
        }
        return plugin == null || action == null || !complete ? null
                : new WorkflowAction.PluginAction(plugin, action, params);
    }
}
