package io.kehu.platform.workflow.definition;

import io.kehu.platform.workflow.Automation;
import io.kehu.platform.workflow.WorkflowAction;
import io.kehu.platform.workflow.WorkflowProblem.Kind;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads the structure of an automation definition (keys, types, ids, sizes); the meaning is checked after. */
public final class AutomationJson {

    /** The actions an automation may take (a state change belongs to a workflow's transitions). */
    static final List<String> ACTIONS = ActionJson.TYPES;

    /** At most this many rule function sets named in {@code needs}. */
    static final int MAX_NEEDS = 10;

    private final JsonCursor.Problems problems;

    public AutomationJson(JsonCursor.Problems problems) {
        this.problems = problems;
    }

    /** The automation, or null when something was wrong (reported). */
    public Automation read(JsonNode root) {
        JsonCursor at = new JsonCursor(root, "$", problems);
        if (!at.object(Set.of("$schema", "id", "label", "form", "trigger", "at", "when", "once", "needs",
                "actions"))) {
            return null;
        }
        String id = at.key("id").id(true);
        var label = at.key("label").localized(true);
        String form = at.key("form").id(true);
        String trigger = at.key("trigger").choice(List.of("created", "saved", "daily"), null);
        if (!at.key("trigger").present()) {
            at.key("trigger").problem(Kind.MISSING, "trigger");
        }
        LocalTime time = time(at.key("at"), "daily".equals(trigger));
        String when = at.key("when").text(false, WorkflowJson.MAX_SCRIPT);
        var once = at.key("once").duration(false);
        // The plugin rule function sets its rules use (e.g. "tier"): the catalogue holds the automation back while
        // they are missing; here only their form is checked.
        if (at.key("needs").present()) {
            at.key("needs").ids(MAX_NEEDS);
        }
        WorkflowJson actors = new WorkflowJson(problems);
        List<WorkflowAction> actions = new ArrayList<>();
        List<JsonCursor> items = at.key("actions").list(WorkflowJson.MAX_ACTIONS, true);
        for (JsonCursor item : items) {
            String type = item.key("type").present() ? item.key("type").choice(ACTIONS, null) : null;
            actions.add(type == null && item.key("type").present() ? null : new ActionJson(item).read(actors));
        }
        if (items.isEmpty() && at.key("actions").present()) {
            at.key("actions").problem(Kind.MISSING, "actions[0]");
        }
        if (id == null || label == null || form == null || trigger == null || actions.contains(null)
                || ("daily".equals(trigger) && time == null)) {
            return null;
        }
        return new Automation(id, label, form, Automation.Trigger.valueOf(trigger.toUpperCase(Locale.ROOT)), time,
                when, once, actions);
    }

    /** {@code "08:00"}; required for daily automations, refused for the others. */
    private static LocalTime time(JsonCursor at, boolean daily) {
        if (!at.present()) {
            if (daily) {
                at.problem(Kind.MISSING, "at");
            }
            return null;
        }
        String text = at.text(true, 5);
        if (text == null) {
            return null;
        }
        if (!daily) {
            at.problem(Kind.UNKNOWN_KEY, "at", "trigger: daily");
            return null;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            at.problem(Kind.BAD_TIME, JsonCursor.shorten(text));
            return null;
        }
    }
}
