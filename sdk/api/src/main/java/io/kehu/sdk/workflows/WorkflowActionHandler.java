package io.kehu.sdk.workflows;

import org.pf4j.ExtensionPoint;

/**
 * An action a workflow definition or automation can name, run by the plugin: e.g. the survey plugin's
 * {@code send_link}, which makes a personal survey link for the complaint's customer when the complaint is resolved
 * and gives it to whoever has the revisit task. A definition names it as an action of type {@code plugin}:
 *
 * <pre>{@code
 * {"type": "plugin", "plugin": "survey", "action": "send_link",
 *  "params": {"survey": "satisfaction", "task": "revisit", "handler": "handler"}}
 * }</pre>
 *
 * <p>It runs in the move's (or automation's) transaction, after the actions listed before it (so a task created by an
 * earlier {@code createTask} is among {@link PluginWorkflows#openTasks}); writes through {@code records()} join that
 * transaction. Throwing refuses the whole move with the exception's message (a {@link WorkflowRefusedException}'s
 * text as given) and nothing is kept, so an action that should never stop a move — a survey link is a courtesy, the
 * complaint must still close — catches its own failures and logs them. While the plugin is not running the action
 * is skipped with a warning in the log: a company's process keeps working when a plugin is disabled.
 *
 * <pre>{@code
 * @Extension
 * public class SendSurveyLink implements WorkflowActionHandler {
 *     public String name() { return "send_link"; }
 *     public void run(WorkflowActionCall call) { ... call.params().get("survey") ... }
 * }
 * }</pre>
 */
public interface WorkflowActionHandler extends ExtensionPoint {

    /** The action's name in definitions ({@code [a-z][a-z0-9_]*}), unique within the plugin. */
    String name();

    /** Does the action; see the class comment for the transaction and what throwing does. */
    void run(WorkflowActionCall call);
}
