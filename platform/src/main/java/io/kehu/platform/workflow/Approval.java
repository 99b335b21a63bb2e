package io.kehu.platform.workflow;

import io.kehu.platform.forms.LocalizedText;
import java.time.Duration;
import java.util.List;

/**
 * Approval by several people (或签 / 会签) before a transition is taken. When a record enters a state this transition
 * leaves (and its guard holds), a <em>round</em> opens: each of {@code approvers} — one seat each, resolved like a
 * task's assignee (roles, the owner, a field holding a user, never the creator …), a different person per seat — gets
 * an approval task. An approver takes the transition's button to approve; the transition itself is taken, as the
 * approver whose approval decides it, once {@link #needed()} seats approved: any one of them ({@link Mode#ANY}), the
 * {@code count} first of them, or all ({@link Mode#ALL}). The round ends when the record leaves the state by any
 * transition: a rejection (e.g. 退回修改 taken by one approver) closes it, the open approval tasks are cancelled, the
 * approvals given stay in the history but count no more; entering the state again opens a new round.
 *
 * @param mode any of the seats or all of them
 * @param count for {@link Mode#ANY}: how many seats must approve (1 unless given); for {@link Mode#ALL} the seats
 * @param approvers the seats, each a rule for one person
 * @param kind the approval tasks' kind (我的待办 filter), e.g. {@code large_budget_approval}
 * @param title what the approval tasks say
 * @param due how long the approvers have, or null
 * @param workingTime whether {@code due} counts working time
 */
public record Approval(Mode mode, int count, List<ActorRule> approvers, String kind, LocalizedText title,
        Duration due, boolean workingTime) {

    /** Whether one approval (or {@code count}) decides, or every seat must approve. */
    public enum Mode {
        /** 或签: the first approval (or the first {@code count}) decides. */
        ANY,
        /** 会签: every seat must approve. */
        ALL
    }

    /** The most seats an approval may have. */
    public static final int MAX_APPROVERS = 20;

    public Approval {
        approvers = List.copyOf(approvers);
    }

    /** How many seats must approve for the transition to be taken. */
    public int needed() {
        return mode == Mode.ALL ? approvers.size() : count;
    }
}
