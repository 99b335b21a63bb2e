package io.kehu.platform.designer.workflow;

import com.vaadin.flow.component.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** One line per state or transition for the editor's tables: what its settings say, in words, never as JSON. */
public final class WorkflowSummaries {

    private WorkflowSummaries() {
    }

    /** The time limit, e.g. 4小时（工作时间），提前 1小时 提醒; "" when the state has none. */
    public static String sla(JsonNode state, Component in) {
        JsonNode sla = state.path("sla");
        DurationInput.Amount within = DurationInput.Amount.of(sla.path("within").asString(""));
        if (within == null) {
            return "";
        }
        String text = within.text(in::getTranslation) + in.getTranslation(
                sla.path("workingTime").asBoolean(true) ? "wf.sum.workingTime" : "wf.sum.clockTime");
        DurationInput.Amount remind = DurationInput.Amount.of(sla.path("remindBefore").asString(""));
        if (remind != null) {
            text += in.getTranslation("wf.sum.remind", remind.text(in::getTranslation));
        }
        return text;
    }

    /** Who may act and what else the transition asks and does, e.g. 员工、经理 · 须填说明 · 2 个动作. */
    public static String transition(JsonNode transition, Component in) {
        List<String> parts = new ArrayList<>();
        JsonNode approval = transition.path("approval");
        if (approval.isObject()) {
            // Approvers take it: 会签 2 人 / 或签 3 人中 1 人.
            int seats = approval.path("approvers").size();
            parts.add("all".equals(approval.path("mode").asString("")) ? in.getTranslation("wf.sum.approvalAll", seats)
                    : in.getTranslation("wf.sum.approvalAny", seats, approval.path("count").asInt(1)));
        }
        JsonNode actors = transition.path("actors");
        List<String> who = new ArrayList<>();
        JsonEdits.strings(actors.get("roles")).forEach(r -> who.add(in.getTranslation(
                "designer.role." + r.toLowerCase(Locale.ROOT))));
        if (actors.path("owner").asBoolean(false)) {
            who.add(in.getTranslation("wf.actors.owner"));
        }
        if (!JsonEdits.strings(actors.get("userFields")).isEmpty()) {
            who.add(in.getTranslation("wf.sum.userFields"));
        }
        if (!approval.isObject() || !who.isEmpty()) {
            parts.add(who.isEmpty() ? in.getTranslation("wf.sum.anyone") : String.join("、", who));
        }
        if (!JsonEdits.strings(actors.get("notUserFields")).isEmpty() || actors.path("notCreator").asBoolean(false)) {
            parts.add(in.getTranslation("wf.sum.excluded"));
        }
        if (!actors.path("when").asString("").isBlank() || !transition.path("guard").asString("").isBlank()) {
            parts.add(in.getTranslation("wf.sum.condition"));
        }
        int requires = JsonEdits.strings(transition.get("requires")).size();
        if (requires > 0) {
            parts.add(in.getTranslation("wf.sum.requires", requires));
        }
        String comment = transition.path("comment").asString("none");
        if (!"none".equals(comment) && TransitionDialog.COMMENT_MODES.contains(comment)) {
            parts.add(in.getTranslation("wf.comment." + comment));
        }
        int actions = transition.path("actions").size();
        if (actions > 0) {
            parts.add(in.getTranslation("wf.sum.actions", actions));
        }
        return String.join(" · ", parts);
    }
}
