package io.kehu.platform.workflow;

import java.time.Duration;
import java.util.Set;

/**
 * The time a record may stay in a state, e.g. "first response within 4 working hours".
 *
 * @param within how long
 * @param workingTime whether {@code within} counts working time of the workflow's calendar (else clock time)
 * @param remindBefore how long before the deadline to remind the people who may act, or null for no reminder
 * @param onBreach what happens when the deadline passes
 */
public record Sla(Duration within, boolean workingTime, Duration remindBefore, Set<Breach> onBreach) {

    /** What a missed deadline does; the record is always shown as overdue. */
    public enum Breach {
        /** Tell the manager(s). */
        NOTIFY_MANAGER,
        /** Give the open tasks of the state to a manager. */
        REASSIGN_TO_MANAGER
    }

    public Sla {
        onBreach = Set.copyOf(onBreach);
    }
}
