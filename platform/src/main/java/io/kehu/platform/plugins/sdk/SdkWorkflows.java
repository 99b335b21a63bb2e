package io.kehu.platform.plugins.sdk;

import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.workflow.Transition;
import io.kehu.platform.workflow.TransitionRefusedException;
import io.kehu.platform.workflow.WorkflowDefinition;
import io.kehu.platform.workflow.WorkflowState;
import io.kehu.platform.workflow.WorkflowTask;
import io.kehu.platform.workflow.Workflows;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.workflows.PluginWorkflows;
import io.kehu.sdk.workflows.StepInfo;
import io.kehu.sdk.workflows.TaskInfo;
import io.kehu.sdk.workflows.TaskRequest;
import io.kehu.sdk.workflows.WorkflowInfo;
import io.kehu.sdk.workflows.WorkflowRefusedException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@link PluginWorkflows} over the platform's {@link Workflows}: the same checks as the buttons, tasks and notices
 * marked as the plugin's ({@code plugin:<id>}), platform exceptions translated to the SDK's.
 */
public final class SdkWorkflows implements PluginWorkflows {

    private final String source;
    private final Supplier<Workflows> workflows;
    private final Supplier<UserAccounts> accounts;
    private final Supplier<Actor> actor;

    SdkWorkflows(String pluginId, Supplier<Workflows> workflows, Supplier<UserAccounts> accounts,
            Supplier<Actor> actor) {
        this.source = "plugin:" + pluginId;
        this.workflows = workflows;
        this.accounts = accounts;
        this.actor = actor;
    }

    @Override
    public Optional<WorkflowInfo> workflow(String formId) {
        return workflows.get().workflow(formId).map(SdkWorkflows::info);
    }

    @Override
    public List<WorkflowInfo.TransitionInfo> allowedTransitions(String formId, long recordId) {
        return SdkRecords.translated(() -> workflows.get().allowedTransitions(actor.get(), formId, recordId).stream()
                .map(SdkWorkflows::transition).toList());
    }

    @Override
    public RecordData transition(String formId, long recordId, String transitionId, String comment, int rowVersion) {
        try {
            return SdkRecords.translated(() -> SdkValues.record(
                    workflows.get().transition(actor.get(), formId, recordId, transitionId, comment, rowVersion)));
        } catch (TransitionRefusedException e) {
            throw new WorkflowRefusedException(e.reason().name(), text(e.text()));
        }
    }

    @Override
    public RecordData transition(String formId, long recordId, String transitionId, String comment,
            Map<String, ?> values, int rowVersion) {
        try {
            return SdkRecords.translated(() -> SdkValues.record(workflows.get().transition(actor.get(), formId,
                    recordId, transitionId, comment, SdkValues.toPlatform(values), rowVersion)));
        } catch (TransitionRefusedException e) {
            throw new WorkflowRefusedException(e.reason().name(), text(e.text()));
        }
    }

    @Override
    public List<StepInfo> history(String formId, long recordId) {
        Map<Long, String> names = accounts.get().findAll().stream()
                .collect(Collectors.toMap(UserAccount::id, UserAccount::username));
        return SdkRecords.translated(() -> workflows.get().steps(actor.get(), formId, recordId).stream()
                .map(s -> new StepInfo(s.transitionId(), s.from(), s.to(), s.comment(),
                        s.actedBy() == null ? null : names.get(s.actedBy()), s.actedByName(), s.actedAt()))
                .toList());
    }

    @Override
    public long createTask(TaskRequest request) {
        UserAccount assignee = accounts.get().findByUsername(request.assignee()).filter(UserAccount::enabled)
                .orElseThrow(() -> new IllegalArgumentException("No enabled user " + request.assignee()));
        return SdkRecords.translated(() -> workflows.get().createTask(actor.get(), source, request.formId(),
                request.recordId(), request.kind(), localized(request.title()), assignee.id(), request.dueAt()));
    }

    @Override
    public Optional<String> enabledUsername(long userId) {
        return accounts.get().findById(userId).filter(UserAccount::enabled).map(UserAccount::username);
    }

    @Override
    public boolean completeTask(long taskId) {
        return workflows.get().completeTask(actor.get(), source, taskId);
    }

    @Override
    public List<TaskInfo> openTasks(String formId, long recordId) {
        Map<Long, String> names = accounts.get().findAll().stream()
                .collect(Collectors.toMap(UserAccount::id, UserAccount::username));
        return SdkRecords.translated(() -> workflows.get().openTasksOf(actor.get(), formId, recordId).stream()
                .map(t -> task(t, names::get)).toList());
    }

    @Override
    public void notify(String formId, long recordId, Collection<String> usernames, LocalText message) {
        Set<Long> users = new LinkedHashSet<>();
        for (String name : usernames) {
            accounts.get().findByUsername(name).filter(UserAccount::enabled).ifPresent(u -> users.add(u.id()));
        }
        SdkRecords.translated(() -> {
            workflows.get().notify(actor.get(), source, formId, recordId, users, localized(message));
            return null;
        });
    }

    private static WorkflowInfo info(WorkflowDefinition workflow) {
        List<WorkflowInfo.StateInfo> states = workflow.states().stream()
                .sorted((a, b) -> Boolean.compare(b.initial(), a.initial()))
                .map((WorkflowState s) -> new WorkflowInfo.StateInfo(s.id(), text(s.label()), s.terminal()))
                .toList();
        return new WorkflowInfo(workflow.id(), text(workflow.label()), workflow.statusField(), states,
                workflow.transitions().stream().map(SdkWorkflows::transition).toList());
    }

    private static WorkflowInfo.TransitionInfo transition(Transition t) {
        return new WorkflowInfo.TransitionInfo(t.id(), text(t.label()), t.from().stream().sorted().toList(), t.to(),
                t.comment() == Transition.Comment.REQUIRED);
    }

    private static TaskInfo task(WorkflowTask t, Function<Long, String> names) {
        return new TaskInfo(t.id(), t.kind(), text(t.title()), names.apply(t.assigneeId()), t.dueAt(), t.workflowId()
                .startsWith("plugin:") ? t.workflowId() : "workflow:" + t.workflowId());
    }

    private static LocalText text(LocalizedText text) {
        return LocalText.of(text.zh(), text.en());
    }

    private static LocalizedText localized(LocalText text) {
        return LocalizedText.of(text.zh(), text.en());
    }
}
