package io.kehu.platform.workflow;

import java.time.Instant;

/**
 * One transition taken on a record: the timeline of the record view shows who moved it, when, and why.
 *
 * @param workflowId the workflow
 * @param transitionId the transition taken
 * @param from the state left
 * @param to the state reached
 * @param comment what the actor wrote, or null
 * @param actedBy who (null: the platform)
 * @param actedByName their name when they acted
 * @param actedAt when
 */
public record WorkflowStep(String workflowId, String transitionId, String from, String to, String comment,
        Long actedBy, String actedByName, Instant actedAt) {
}
