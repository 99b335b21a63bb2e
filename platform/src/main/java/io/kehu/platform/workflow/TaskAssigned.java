package io.kehu.platform.workflow;

import io.kehu.platform.forms.LocalizedText;
import java.time.Instant;

/**
 * A transition gave {@code assigneeId} a task. Published inside the transition's transaction, so listeners that write
 * (the in-app notification) commit or roll back with it; the workflow knows nothing of who listens.
 *
 * @param taskId the new task
 * @param formId the record's form
 * @param recordId the record
 * @param kind the task's kind, e.g. {@code revisit}
 * @param title what to do
 * @param assigneeId who is to do it
 * @param dueAt when it is due, or null
 */
public record TaskAssigned(long taskId, String formId, long recordId, String kind, LocalizedText title,
        long assigneeId, Instant dueAt) {
}
