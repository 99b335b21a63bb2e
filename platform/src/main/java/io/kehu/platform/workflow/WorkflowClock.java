package io.kehu.platform.workflow;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The time the workflow runtime runs on: when a transition is taken and logged, when a state's clocks start, when a
 * deadline is overdue, when escalations are written. The system clock (UTC) unless set: tests and simulations set it
 * to walk a record through days of SLA time (a pause while waiting for the customer) without waiting, and then fire
 * the real timers ({@code DueTimers.fireAllDue}) at the instants they choose.
 */
@Component
public class WorkflowClock {

    private volatile Clock clock = Clock.systemUTC();

    /** Now, by the clock in force. */
    public Instant now() {
        return clock.instant();
    }

    /** Runs the runtime on {@code other} from now on (e.g. {@link Clock#fixed}); {@link #reset()} goes back. */
    public void set(Clock other) {
        this.clock = java.util.Objects.requireNonNull(other);
    }

    /** Back to the system clock. */
    public void reset() {
        this.clock = Clock.systemUTC();
    }
}
