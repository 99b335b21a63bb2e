package io.kehu.platform.workflow;

/**
 * A task with the workflow state it belongs to: the record leaving that state closes it. Tasks of automations and
 * plugins belong to no state ({@link #ANY_STATE}) and close only when someone marks them done.
 *
 * @param task the task
 * @param state the record's state whose leaving closes the task, or {@code *}
 */
public record TaskInState(WorkflowTask task, String state) {

    /** The state of a task that belongs to no workflow state. */
    public static final String ANY_STATE = "*";

    /** Whether only taking a transition (leaving {@link #state}) closes the task. */
    public boolean closedByTransition() {
        return !ANY_STATE.equals(state);
    }
}
