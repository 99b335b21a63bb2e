package io.kehu.platform.workflow;

import io.kehu.platform.forms.LocalizedText;
import java.util.List;
import java.util.Optional;

/**
 * A workflow bound to a form: its states (values of {@code statusField}), the transitions between them and the
 * scheduled steps. Read by {@link WorkflowReader}, which guarantees that every id referred to exists.
 *
 * @param id identifier, e.g. {@code complaint_handling}
 * @param label what people see, e.g. 投诉处理
 * @param form the form whose records it moves
 * @param statusField the select field of that form holding the state; only transitions change it
 * @param calendar the business calendar working-time clocks count with
 * @param states in display order
 * @param transitions in button order
 * @param timers scheduled steps
 */
public record WorkflowDefinition(String id, LocalizedText label, String form, String statusField, String calendar,
        List<WorkflowState> states, List<Transition> transitions, List<WorkflowTimer> timers) {

    public WorkflowDefinition {
        states = List.copyOf(states);
        transitions = List.copyOf(transitions);
        timers = List.copyOf(timers);
    }

    public Optional<WorkflowState> state(String stateId) {
        return states.stream().filter(s -> s.id().equals(stateId)).findFirst();
    }

    public Optional<Transition> transition(String transitionId) {
        return transitions.stream().filter(t -> t.id().equals(transitionId)).findFirst();
    }

    /** The state new records start in. */
    public WorkflowState initialState() {
        return states.stream().filter(WorkflowState::initial).findFirst().orElseThrow();
    }

    /** The transitions that leave {@code stateId}, in button order. */
    public List<Transition> transitionsFrom(String stateId) {
        return transitions.stream().filter(t -> t.from().contains(stateId)).toList();
    }
}
