package io.kehu.platform.workflow;

import java.time.Duration;

/**
 * A scheduled step: {@code after} a record entered {@code state} and is still there, take {@code transition}
 * (e.g. "3 days after 已解决, open the revisit"). It fires once per entry into the state.
 *
 * @param id unique within the workflow
 * @param state the state that starts the clock
 * @param after how long after entering it
 * @param workingTime whether {@code after} counts working time
 * @param transition the transition taken, as the system; it must leave {@code state}
 */
public record WorkflowTimer(String id, String state, Duration after, boolean workingTime, String transition) {
}
