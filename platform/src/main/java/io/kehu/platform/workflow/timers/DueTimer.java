package io.kehu.platform.workflow.timers;

import java.time.Instant;

/**
 * A pending timer.
 *
 * @param id its row
 * @param dueAt when it is due
 * @param kind what it is for, e.g. {@code sla_breach}, {@code step}
 * @param formId the record's form
 * @param recordId the record
 * @param workflowId the workflow that set it
 * @param subject what in the workflow it is about, e.g. the state or timer id
 * @param attempts how often firing it failed before
 */
public record DueTimer(long id, Instant dueAt, String kind, String formId, long recordId, String workflowId,
        String subject, int attempts) {
}
