package io.kehu.sdk.workflows;

import io.kehu.sdk.LocalText;
import java.time.Instant;

/**
 * An open task.
 *
 * @param id the task's id
 * @param kind its kind, e.g. {@code revisit}
 * @param title what it says
 * @param assignee the user name of who has it
 * @param dueAt when it is due, or null
 * @param source {@code workflow:<id>} or {@code plugin:<id>}
 */
public record TaskInfo(long id, String kind, LocalText title, String assignee, Instant dueAt, String source) {
}
