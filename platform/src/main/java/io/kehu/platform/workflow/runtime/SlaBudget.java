package io.kehu.platform.workflow.runtime;

import io.kehu.platform.calendar.BusinessCalendar;
import io.kehu.platform.workflow.Sla;
import io.kehu.platform.workflow.WorkflowDefinition;
import io.kehu.platform.workflow.WorkflowState;
import io.kehu.platform.workflow.WorkflowStep;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When a record entering a state is overdue, with SLA pauses: time spent in a state marked {@code pausesSla} (e.g.
 * 等待客户回复) stops the clock of the state it came from instead of restarting it. A complaint 处理中 for 10 of its 48
 * hours, then waiting for the customer for three days, then 处理中 again has 38 hours left, not 48. The time already
 * used is read from the record's workflow log: walking back from the entry, every stay in the same state counts and
 * stays in pausing states are skipped, until a state that is neither (a fresh start).
 *
 * <p>One function for the deadline timer ({@link StateClocks}) and the clock the record view shows, so the two agree.
 */
public final class SlaBudget {

    private SlaBudget() {
    }

    /**
     * The deadline of {@code state} for a record entering it at {@code entered}.
     *
     * @param before the record's logged steps before this entry, oldest first
     * @param createdAt when the record was created (in the workflow's initial state)
     */
    public static Instant deadline(WorkflowDefinition workflow, BusinessCalendar calendar, WorkflowState state,
            List<WorkflowStep> before, Instant createdAt, Instant entered) {
        Sla sla = state.sla();
        Duration used = workflow.states().stream().anyMatch(WorkflowState::pausesSla)
                ? used(workflow, calendar, state, before, createdAt, entered) : Duration.ZERO;
        Duration left = sla.within().minus(used);
        if (left.isNegative()) {
            left = Duration.ZERO;
        }
        return sla.workingTime() ? calendar.plusWorkingTime(entered, left) : entered.plus(left);
    }

    /** The time the record already spent in {@code state} since it last came from a state that is neither it nor pausing. */
    static Duration used(WorkflowDefinition workflow, BusinessCalendar calendar, WorkflowState state,
            List<WorkflowStep> before, Instant createdAt, Instant entered) {
        Duration used = Duration.ZERO;
        Instant stayEnd = entered;
        for (int i = before.size() - 1; i >= 0; i--) {
            WorkflowStep step = before.get(i);
            if (step.to().equals(state.id())) {
                used = used.plus(between(calendar, state.sla(), step.actedAt(), stayEnd));
            } else if (!pauses(workflow, step.to())) {
                return used;
            }
            stayEnd = step.actedAt();
        }
        // Back at creation: the record stayed in the initial state until its first step.
        if (workflow.initialState().id().equals(state.id())) {
            used = used.plus(between(calendar, state.sla(), createdAt, stayEnd));
        }
        return used;
    }

    private static boolean pauses(WorkflowDefinition workflow, String stateId) {
        return workflow.state(stateId).map(WorkflowState::pausesSla).orElse(false);
    }

    private static Duration between(BusinessCalendar calendar, Sla sla, Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        return sla.workingTime() ? calendar.workingTimeBetween(from, to) : Duration.between(from, to);
    }
}
