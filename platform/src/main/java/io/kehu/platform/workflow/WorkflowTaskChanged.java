package io.kehu.platform.workflow;

/**
 * A task (待办) was created, handed to someone else or completed, published as a Spring event inside the transaction
 * that did it (by the task store, whichever path wrote it: a transition, an automation, a deadline's escalation, a
 * plugin), so a synchronous listener's writes (the webhook outbox) commit or roll back with the task.
 *
 * @param change what happened to it
 * @param task the task as it stands after the change
 * @param actedBy the user who completed it or handed it on, or null (the platform)
 */
public record WorkflowTaskChanged(Change change, WorkflowTask task, Long actedBy) {

    /** What happened to a task. */
    public enum Change {
        /** Written, with its first assignee. */
        CREATED,
        /** Given to another user (e.g. to a manager when the state's time limit passed). */
        ASSIGNED,
        /** Marked done: explicitly, or because the record left the task's state. */
        COMPLETED
    }
}
