package io.kehu.platform.workflow;

import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.workflow.runtime.WorkflowTexts;
import java.time.Instant;
import java.util.List;

/**
 * Where the current round of an approval transition stands on a record (the record view, the refusals).
 *
 * @param transition the approval transition
 * @param needed how many approvals decide it
 * @param approved who approved in this round, and when
 * @param pending who still holds an open approval task in it
 */
public record ApprovalStatus(Transition transition, int needed, List<Approver> approved, List<Approver> pending) {

    /**
     * One approver.
     *
     * @param at when they approved, null while pending
     */
    public record Approver(long userId, String name, Instant at) {
    }

    public ApprovalStatus {
        approved = List.copyOf(approved);
        pending = List.copyOf(pending);
    }

    /** How many approvals are still missing. */
    public int missing() {
        return Math.max(0, needed - approved.size());
    }

    /** E.g. 已批准。“批准大额预算”还需 1 人审批：张三、李四. */
    public LocalizedText pendingText() {
        return text("approval.PENDING");
    }

    /** The text of {@code key} (under {@code workflow.}) with the label, the missing count and the pending names. */
    LocalizedText text(String key) {
        String names = String.join("、", pending.stream().map(Approver::name).toList());
        String count = String.valueOf(missing());
        return WorkflowTexts.text(key, transition.label(), LocalizedText.of(count, count),
                LocalizedText.of(names, String.join(", ", pending.stream().map(Approver::name).toList())));
    }
}
