package io.kehu.platform.workflow;

import io.kehu.platform.forms.LocalizedText;
import java.time.Duration;
import java.util.Map;

/** Something a transition or timer does in the same transaction as the move. */
public sealed interface WorkflowAction {

    /**
     * Sets a field of the record. {@code value} is one of the tokens {@code $actor} (the acting user), {@code $now},
     * {@code $today}, {@code $empty}, or a literal in the field's JSON form.
     */
    record SetField(String field, String value) implements WorkflowAction {
    }

    /**
     * Creates a task (我的待办) about the record.
     *
     * @param kind a name for filtering, e.g. {@code revisit}
     * @param title what the task says
     * @param assignee who gets it: the first eligible user by the rule; none → the manager, with a warning
     * @param due how long the assignee has, or null
     * @param workingTime whether {@code due} counts working time
     */
    record CreateTask(String kind, LocalizedText title, ActorRule assignee, Duration due, boolean workingTime)
            implements WorkflowAction {
    }

    /**
     * Tells people (in the app and by e-mail) and, with {@code webhook}, a webhook channel: the endpoint an
     * administrator gave that channel name in the webhooks console (e.g. a WeCom group robot).
     *
     * @param recipients who is told in the app; null when only the channel is told
     * @param webhook an endpoint's channel name, or null
     */
    record Notify(ActorRule recipients, LocalizedText message, String webhook) implements WorkflowAction {

        public Notify(ActorRule recipients, LocalizedText message) {
            this(recipients, message, null);
        }
    }

    /**
     * Creates a record in another form, each value a Groovy expression over the record ({@code record.x}), e.g. the
     * revisit record archived on the customer when a complaint's revisit is done. Written as the acting user, with
     * that form's permissions, rules and audit, in the transition's transaction.
     */
    record CreateRecord(String form, Map<String, String> values) implements WorkflowAction {

        public CreateRecord {
            values = Map.copyOf(values);
        }
    }

    /**
     * Starts another workflow: creates a record in the form {@code workflow} is bound to, prefilled like
     * {@link CreateRecord} (e.g. a reference back to this record), which enters that workflow's initial state with its
     * clocks and tasks. Names the process rather than the form, so the definition says what it starts and a process
     * that is not in force is refused by name.
     */
    record StartWorkflow(String workflow, Map<String, String> values) implements WorkflowAction {

        public StartWorkflow {
            values = Map.copyOf(values);
        }
    }

    /**
     * An action a plugin runs ({@code io.kehu.sdk.workflows.WorkflowActionHandler}), named by the plugin's id and
     * the action's name, with parameters as written: e.g. the survey plugin's {@code send_link} on a complaint's
     * resolution. Skipped with a warning while that plugin is not running, so a process never depends on a plugin
     * being enabled; a handler that throws refuses the move.
     */
    record PluginAction(String plugin, String action, Map<String, String> params) implements WorkflowAction {

        public PluginAction {
            params = Map.copyOf(params);
        }
    }
}
