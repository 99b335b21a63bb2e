package io.kehu.sdk.workflows;

import io.kehu.sdk.LocalText;
import java.util.List;

/**
 * A workflow in force on a form, as a plugin sees it.
 *
 * @param id the workflow's id, e.g. {@code complaint_handling}
 * @param label its name
 * @param statusField the form's field that holds the state
 * @param states its states, the initial one first
 * @param transitions its transitions
 */
public record WorkflowInfo(String id, LocalText label, String statusField, List<StateInfo> states,
        List<TransitionInfo> transitions) {

    public WorkflowInfo {
        states = List.copyOf(states);
        transitions = List.copyOf(transitions);
    }

    /** A state: its id (the status field's option value), label, and whether records end there. */
    public record StateInfo(String id, LocalText label, boolean terminal) {
    }

    /** A transition: its id, label, the states it leaves and the one it enters, and whether it asks for a comment. */
    public record TransitionInfo(String id, LocalText label, List<String> from, String to, boolean commentRequired) {

        public TransitionInfo {
            from = List.copyOf(from);
        }
    }
}
