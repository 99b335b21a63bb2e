package io.kehu.platform.workflow;

import io.kehu.platform.forms.LocalizedText;
import java.util.List;
import java.util.Set;

/**
 * A move from one of {@code from} to {@code to}, shown to the people {@code actors} allows as a button labelled
 * {@code label}.
 *
 * @param id unique within the workflow, e.g. {@code resolve}
 * @param from the states it leaves from
 * @param to the state it leads to
 * @param label the button's text
 * @param actors who may take it
 * @param guard a Groovy condition in the rule sandbox that must hold, or null
 * @param guardMessage what to tell the user when the guard refuses
 * @param requires fields that must have a value for this move (e.g. the resolution)
 * @param comment whether a comment is asked for
 * @param actions what happens in the same transaction, in order
 * @param approval approval by several people that must be given before the transition is taken, or null: then its
 *     approvers, not {@code actors}, say who may take it
 */
public record Transition(String id, Set<String> from, String to, LocalizedText label, ActorRule actors, String guard,
        LocalizedText guardMessage, List<String> requires, Comment comment, List<WorkflowAction> actions,
        Approval approval) {

    /** Whether the transition asks for a comment (kept in the record's history with the move). */
    public enum Comment {
        NONE,
        OPTIONAL,
        REQUIRED
    }

    public Transition {
        from = Set.copyOf(from);
        requires = List.copyOf(requires);
        actions = List.copyOf(actions);
    }

    /** A transition without approval by several people. */
    public Transition(String id, Set<String> from, String to, LocalizedText label, ActorRule actors, String guard,
            LocalizedText guardMessage, List<String> requires, Comment comment, List<WorkflowAction> actions) {
        this(id, from, to, label, actors, guard, guardMessage, requires, comment, actions, null);
    }

    /** The same transition checked for anyone: an approval's approver was checked against their seat already. */
    Transition withoutActorRule() {
        return new Transition(id, from, to, label, ActorRule.ANYONE, guard, guardMessage, requires, comment, actions,
                approval);
    }
}
