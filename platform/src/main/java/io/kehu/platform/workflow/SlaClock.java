package io.kehu.platform.workflow;

import java.time.Instant;

/**
 * Where a record stands against its state's time limit, for the record view.
 *
 * @param state the state the record is in
 * @param enteredAt when it entered it
 * @param dueAt when the limit runs out
 * @param overdue whether it ran out before {@code now}
 */
public record SlaClock(WorkflowState state, Instant enteredAt, Instant dueAt, boolean overdue) {
}
