package io.kehu.sdk.workflows;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.records.RecordData;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's workflows, tasks (我的待办) and notices for a plugin: the survey plugin opens a follow-up task for a
 * poor rating, the service-visit plugin moves a complaint on when the visit is signed off, the churn plugin gives an
 * owner a win-back task. Transitions go through the same checks as the buttons (state, who may act, comment, guard)
 * and the one write path; they act as the signed-in user when called in a user's request, else as the plugin.
 *
 * <pre>{@code
 * context.workflows().createTask(new TaskRequest("customer", customerId, "win_back",
 *         LocalText.of("挽回客户：近 120 天无购买", "Win back: no purchase in 120 days"), "zhangsan",
 *         Instant.now().plus(Duration.ofDays(3))));
 * }</pre>
 *
 * @see WorkflowRefusedException for a transition that is not allowed
 */
public interface PluginWorkflows {

    /** The workflow in force on {@code formId}, if any. */
    Optional<WorkflowInfo> workflow(String formId);

    /** The transitions the actor may take on the record now, in button order. */
    List<WorkflowInfo.TransitionInfo> allowedTransitions(String formId, long recordId);

    /**
     * Takes a transition on the record read at {@code rowVersion}.
     *
     * @param comment the reason or note, required when the transition asks for one, else may be null
     * @return the record after the move
     * @throws WorkflowRefusedException when the move is not allowed, with why in both languages
     * @throws io.kehu.sdk.records.RecordException when the record is missing or was saved since {@code rowVersion}
     */
    RecordData transition(String formId, long recordId, String transitionId, String comment, int rowVersion);

    /**
     * Saves {@code values} — the fields the transition asks for, such as a reason or a signature — and takes the
     * transition, in one transaction: a refused transition leaves the values unsaved too. The fields the transition
     * requires may be saved even where the record's state keeps them read-only, as in the transition's dialog on
     * the record view; other fields follow the state's rules.
     *
     * @see #transition(String, long, String, String, int)
     */
    RecordData transition(String formId, long recordId, String transitionId, String comment, Map<String, ?> values,
            int rowVersion);

    /**
     * The steps the record took through its workflow, oldest first, with who, when and their comments (the same
     * history the record view shows); empty when it took none or its form has no workflow.
     *
     * @throws io.kehu.sdk.records.RecordException when the record is missing or the actor may not see it
     */
    List<StepInfo> history(String formId, long recordId);

    /**
     * Gives a user a task about a record; it stays open until {@link #completeTask} (plugin tasks do not belong to a
     * workflow state). The assignee is told in the app.
     *
     * @return the task's id
     * @throws IllegalArgumentException when the assignee is not an enabled user or the record does not exist
     */
    long createTask(TaskRequest request);

    /** Marks one of this plugin's tasks done; false when it is not open (already done, or not this plugin's). */
    boolean completeTask(long taskId);

    /** The open tasks about a record (any plugin's or workflow's), oldest first. */
    List<TaskInfo> openTasks(String formId, long recordId);

    /** Tells users (by user name) something about a record, in the app; unknown user names are ignored. */
    void notify(String formId, long recordId, Collection<String> usernames, LocalText message);

    /**
     * The user name of an enabled user, from the value of a {@code user} field (records carry a user's id, while
     * {@link TaskRequest#assignee()} and {@link #notify} take user names): e.g. a customer's account manager as the
     * assignee of a win-back task. Empty for an unknown or disabled user.
     */
    Optional<String> enabledUsername(long userId);
}
