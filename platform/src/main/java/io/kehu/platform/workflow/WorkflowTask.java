package io.kehu.platform.workflow;

import io.kehu.platform.forms.LocalizedText;
import java.time.Instant;

/**
 * A task (待办) about a record, e.g. the revisit of a resolved complaint.
 *
 * @param id the task id
 * @param formId the record's form
 * @param recordId the record
 * @param workflowId the workflow whose action created it
 * @param kind a name for filtering, e.g. {@code revisit}
 * @param title what to do
 * @param assigneeId who is to do it
 * @param dueAt when it is due, or null
 * @param status open, done or cancelled
 * @param createdAt when it was created
 * @param warning shown with the task, e.g. that nobody eligible was found and a manager got it; null when none
 */
public record WorkflowTask(long id, String formId, long recordId, String workflowId, String kind, LocalizedText title,
        long assigneeId, Instant dueAt, Status status, Instant createdAt, LocalizedText warning) {

    /** Where a task stands. */
    public enum Status {
        OPEN,
        DONE,
        CANCELLED
    }

    /** Whether the task is open and its due time has passed at {@code now}. */
    public boolean overdueAt(Instant now) {
        return status == Status.OPEN && dueAt != null && dueAt.isBefore(now);
    }
}
