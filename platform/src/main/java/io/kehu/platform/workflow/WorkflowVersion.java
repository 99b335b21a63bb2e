package io.kehu.platform.workflow;

import java.time.OffsetDateTime;

/**
 * One stored version of a workflow definition, as the version history lists it.
 *
 * @param workflowId the workflow
 * @param number 1, 2, 3 ... per workflow; 0 is the draft
 * @param status draft, the published one in force, or an earlier (superseded) one
 * @param json the definition as written (the documented format)
 * @param author who saved the draft or published the version (user name, {@code system} for the shipped files)
 * @param at when
 * @param comment what the publisher wrote about it, or null
 * @param stateMapping the in-flight records this publish moved, as JSON ({@code {"old": {"to": "new", "records": 3}}}),
 *                     or null when it moved none
 */
public record WorkflowVersion(String workflowId, int number, Status status, String json, String author,
        OffsetDateTime at, String comment, String stateMapping) {

    /** Where a version stands. */
    public enum Status {
        DRAFT, PUBLISHED, SUPERSEDED
    }
}
