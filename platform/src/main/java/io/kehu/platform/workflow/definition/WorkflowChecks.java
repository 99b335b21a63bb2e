package io.kehu.platform.workflow.definition;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldOption;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.RuleCompileCheck;
import io.kehu.platform.forms.RuleCompileCheck.ScriptKind;
import io.kehu.platform.workflow.ActorRule;
import io.kehu.platform.workflow.Automation;
import io.kehu.platform.workflow.Transition;
import io.kehu.platform.workflow.WorkflowAction;
import io.kehu.platform.workflow.WorkflowDefinition;
import io.kehu.platform.workflow.WorkflowProblem.Kind;
import io.kehu.platform.workflow.WorkflowState;
import io.kehu.platform.workflow.WorkflowTimer;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The meaning of a workflow against its form: the status field is a select whose options are exactly the states, one
 * state is initial, every state, field and transition referred to exists, user rules name user fields, the status is
 * changed only by transitions, and every script compiles in the rule sandbox.
 */
public final class WorkflowChecks {

    private final JsonCursor.Problems problems;
    private final Function<String, Optional<FormDefinition>> forms;
    private final Set<String> calendars;
    private final RuleCompileCheck compileCheck;

    public WorkflowChecks(JsonCursor.Problems problems, Function<String, Optional<FormDefinition>> forms,
            Set<String> calendars, RuleCompileCheck compileCheck) {
        this.problems = problems;
        this.forms = forms;
        this.calendars = calendars;
        this.compileCheck = compileCheck;
    }

    public void check(WorkflowDefinition workflow) {
        if (!calendars.contains(workflow.calendar())) {
            problems.add("$.calendar", Kind.UNKNOWN_CALENDAR, workflow.calendar(), String.join(", ", calendars));
        }
        Optional<FormDefinition> bound = forms.apply(workflow.form());
        if (bound.isEmpty()) {
            problems.add("$.form", Kind.UNKNOWN_FORM, workflow.form());
            return;
        }
        FormDefinition form = bound.get();
        checkStates(workflow, form);
        for (int i = 0; i < workflow.transitions().size(); i++) {
            checkTransition(workflow, form, workflow.transitions().get(i), "$.transitions[" + i + "]");
        }
        checkReachable(workflow);
        Set<String> approvalKinds = new HashSet<>();
        for (int i = 0; i < workflow.transitions().size(); i++) {
            var approval = workflow.transitions().get(i).approval();
            // The kind names a round: two approvals sharing one would count each other's approvals.
            if (approval != null && !approvalKinds.add(approval.kind())) {
                problems.add("$.transitions[" + i + "].approval.kind", Kind.DUPLICATE_ID, approval.kind());
            }
        }
        for (int i = 0; i < workflow.timers().size(); i++) {
            checkTimer(workflow, workflow.timers().get(i), "$.timers[" + i + "]");
        }
    }

    private void checkStates(WorkflowDefinition workflow, FormDefinition form) {
        Optional<FieldDefinition> status = form.field(workflow.statusField());
        if (status.isEmpty()) {
            problems.add("$.statusField", Kind.UNKNOWN_FIELD, workflow.statusField(), form.id());
        } else if (status.get().type() != FieldType.SELECT) {
            problems.add("$.statusField", Kind.NOT_A_STATUS_FIELD, workflow.statusField());
        } else {
            Set<String> options = new HashSet<>(status.get().options().stream().map(FieldOption::value).toList());
            for (int i = 0; i < workflow.states().size(); i++) {
                if (!options.remove(workflow.states().get(i).id())) {
                    problems.add("$.states[" + i + "].id", Kind.STATE_NOT_AN_OPTION, workflow.states().get(i).id(),
                            workflow.statusField());
                }
            }
            options.stream().sorted().forEach(option ->
                    problems.add("$.statusField", Kind.OPTION_WITHOUT_STATE, option));
        }
        long initial = workflow.states().stream().filter(WorkflowState::initial).count();
        if (initial != 1) {
            problems.add("$.states", Kind.INITIAL_COUNT, initial);
        }
        for (int i = 0; i < workflow.states().size(); i++) {
            WorkflowState state = workflow.states().get(i);
            if (state.editable() != null) {
                fields(form, state.editable(), "$.states[" + i + "].editable");
            }
        }
    }

    private void checkTransition(WorkflowDefinition workflow, FormDefinition form, Transition move, String path) {
        for (String from : move.from()) {
            Optional<WorkflowState> state = workflow.state(from);
            if (state.isEmpty()) {
                problems.add(path + ".from", Kind.UNKNOWN_STATE, from);
            } else if (state.get().terminal()) {
                problems.add(path + ".from", Kind.TERMINAL_HAS_EXIT, from);
            }
        }
        if (workflow.state(move.to()).isEmpty()) {
            problems.add(path + ".to", Kind.UNKNOWN_STATE, move.to());
        }
        fields(form, move.requires(), path + ".requires");
        actors(form, move.actors(), path + ".actors");
        script(form, move.guard(), path + ".guard", ScriptKind.VALIDATION_RULE);
        for (int i = 0; i < move.actions().size(); i++) {
            action(workflow, form, move.actions().get(i), path + ".actions[" + i + "]");
        }
        if (move.approval() != null) {
            for (int i = 0; i < move.approval().approvers().size(); i++) {
                actors(form, move.approval().approvers().get(i), path + ".approval.approvers[" + i + "]");
            }
            // A round opens when a transition enters the state; a new record enters its first state without one.
            workflow.states().stream().filter(WorkflowState::initial).filter(s -> move.from().contains(s.id()))
                    .findFirst().ifPresent(s -> problems.add(path + ".from", Kind.APPROVAL_FROM_INITIAL, s.id()));
        }
    }

    /**
     * Checks an automation against its form: the form exists, fields and scripts are right, and no action sets the
     * status field of the workflow on the form ({@code statusField}, or null when it has none).
     */
    public void check(Automation automation, String statusField) {
        Optional<FormDefinition> bound = forms.apply(automation.form());
        if (bound.isEmpty()) {
            problems.add("$.form", Kind.UNKNOWN_FORM, automation.form());
            return;
        }
        FormDefinition form = bound.get();
        script(form, automation.when(), "$.when", ScriptKind.VALIDATION_RULE);
        for (int i = 0; i < automation.actions().size(); i++) {
            action(statusField, automation.id(), form, automation.actions().get(i), "$.actions[" + i + "]");
        }
    }

    private void action(WorkflowDefinition workflow, FormDefinition form, WorkflowAction action, String path) {
        action(workflow.statusField(), workflow.id(), form, action, path);
    }

    private void action(String statusField, String selfId, FormDefinition form, WorkflowAction action, String path) {
        switch (action) {
            case WorkflowAction.SetField set -> {
                fields(form, List.of(set.field()), path + ".field");
                if (set.field().equals(statusField)) {
                    problems.add(path + ".field", Kind.STATUS_SET_BY_ACTION, set.field());
                }
            }
            case WorkflowAction.CreateTask task -> actors(form, task.assignee(), path + ".assignee");
            case WorkflowAction.Notify notify -> {
                if (notify.recipients() != null) { // only a webhook channel is told
                    actors(form, notify.recipients(), path + ".to");
                }
            }
            case WorkflowAction.CreateRecord create -> {
                Optional<FormDefinition> target = forms.apply(create.form());
                if (target.isEmpty()) {
                    problems.add(path + ".form", Kind.UNKNOWN_FORM, create.form());
                } else {
                    fields(target.get(), create.values().keySet(), path + ".values");
                }
                create.values().forEach((field, expression) ->
                        script(form, expression, path + ".values." + field, ScriptKind.COMPUTED_EXPRESSION));
            }
            case WorkflowAction.StartWorkflow start -> {
                if (start.workflow().equals(selfId)) {
                    problems.add(path + ".workflow", Kind.UNKNOWN_WORKFLOW, start.workflow());
                }
                // The target's fields are known only once every workflow is read: checked when the action runs.
                start.values().forEach((field, expression) ->
                        script(form, expression, path + ".values." + field, ScriptKind.COMPUTED_EXPRESSION));
            }
            case WorkflowAction.PluginAction plugin -> {
                // Its plugin may be installed later or disabled now: known only when the action runs (then skipped).
            }
        }
    }

    private void actors(FormDefinition form, ActorRule rule, String path) {
        userFields(form, rule.userFields(), path + ".userFields");
        userFields(form, rule.notUserFields(), path + ".notUserFields");
        script(form, rule.when(), path + ".when", ScriptKind.VALIDATION_RULE);
    }

    private void checkTimer(WorkflowDefinition workflow, WorkflowTimer timer, String path) {
        if (workflow.state(timer.state()).isEmpty()) {
            problems.add(path + ".state", Kind.UNKNOWN_STATE, timer.state());
        }
        Optional<Transition> move = workflow.transition(timer.transition());
        if (move.isEmpty()) {
            problems.add(path + ".transition", Kind.UNKNOWN_TRANSITION, timer.transition());
        } else if (!move.get().from().contains(timer.state())) {
            problems.add(path + ".transition", Kind.TIMER_NOT_FROM_STATE, timer.transition(), timer.state());
        }
    }

    /** Every state but the initial one must be the target of some transition, or no record could ever be in it. */
    private void checkReachable(WorkflowDefinition workflow) {
        Set<String> targets = new HashSet<>();
        workflow.transitions().forEach(t -> targets.add(t.to()));
        for (int i = 0; i < workflow.states().size(); i++) {
            WorkflowState state = workflow.states().get(i);
            if (!state.initial() && !targets.contains(state.id())) {
                problems.add("$.states[" + i + "]", Kind.UNREACHABLE_STATE, state.id());
            }
        }
    }

    private void fields(FormDefinition form, java.util.Collection<String> ids, String path) {
        for (String id : ids) {
            if (form.field(id).isEmpty()) {
                problems.add(path, Kind.UNKNOWN_FIELD, id, form.id());
            }
        }
    }

    private void userFields(FormDefinition form, List<String> ids, String path) {
        for (String id : ids) {
            Optional<FieldDefinition> field = form.field(id);
            if (field.isEmpty()) {
                problems.add(path, Kind.UNKNOWN_FIELD, id, form.id());
            } else if (field.get().type() != FieldType.USER) {
                problems.add(path, Kind.NOT_A_USER_FIELD, id);
            }
        }
    }

    private void script(FormDefinition form, String script, String path, ScriptKind kind) {
        if (script != null) {
            compileCheck.problem(form, kind, script).ifPresent(why -> problems.add(path, Kind.SCRIPT, why));
        }
    }
}
