package io.kehu.platform.workflow.definition;

import io.kehu.platform.workflow.ActorRule;
import io.kehu.platform.workflow.Approval;
import io.kehu.platform.workflow.WorkflowProblem.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a transition's {@code approval}: {@code mode} ({@code any} or {@code all}), {@code count} (any only: how many
 * must approve), {@code approvers} (one actor rule per seat), and the approval tasks' {@code kind}, {@code title},
 * {@code due} and {@code workingTime}.
 */
final class ApprovalJson {

    private static final Set<String> KEYS = Set.of("mode", "count", "approvers", "kind", "title", "due",
            "workingTime");

    private final JsonCursor at;

    ApprovalJson(JsonCursor at) {
        this.at = at;
    }

    /** The approval, or {@code null} when something was wrong with it (reported at its path). */
    Approval read(WorkflowJson workflow) {
        if (!at.object(KEYS)) {
            return null;
        }
        String mode = at.key("mode").present() ? at.key("mode").choice(List.of("any", "all"), null) : null;
        if (!at.key("mode").present()) {
            at.key("mode").problem(Kind.MISSING, "mode");
        }
        List<ActorRule> approvers = new ArrayList<>();
        List<JsonCursor> seats = at.key("approvers").list(Approval.MAX_APPROVERS, true);
        if (at.key("approvers").present() && seats.isEmpty()) {
            at.key("approvers").problem(Kind.MISSING, "approvers");
        }
        for (JsonCursor seat : seats) {
            approvers.add(workflow.actors(seat));
        }
        Integer count = null;
        if (at.key("count").present()) {
            if ("all".equals(mode)) {
                // all: every seat approves; a count would contradict it.
                at.key("count").problem(Kind.COUNT_WITH_ALL);
            } else {
                count = at.key("count").integer(1, Math.max(1, approvers.size()));
                if (count == null) {
                    return null;
                }
            }
        }
        String kind = at.key("kind").id(true);
        var title = at.key("title").localized(true);
        var due = at.key("due").duration(false);
        boolean working = at.key("workingTime").flag();
        if (mode == null || approvers.isEmpty() || approvers.contains(null) || kind == null || title == null
                || "all".equals(mode) && at.key("count").present()) {
            return null;
        }
        Approval.Mode parsed = Approval.Mode.valueOf(mode.toUpperCase(Locale.ROOT));
        return new Approval(parsed, count == null ? 1 : count, approvers, kind, title, due, working);
    }
}
