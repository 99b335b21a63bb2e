package io.kehu.platform.workflow;

import io.kehu.platform.calendar.BusinessCalendar;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordNotFoundException;
import io.kehu.platform.records.Records;
import io.kehu.platform.rules.RuleEngine;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.Teams;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.workflow.TaskHandOffRefusedException.Reason;
import io.kehu.platform.workflow.runtime.SlaBudget;
import io.kehu.platform.workflow.runtime.TaskAssigner;
import io.kehu.platform.workflow.runtime.TaskStore;
import io.kehu.platform.workflow.runtime.TransitionScope;
import io.kehu.platform.workflow.runtime.TransitionWrites;
import io.kehu.platform.workflow.runtime.WorkflowCalendars;
import io.kehu.platform.workflow.runtime.WorkflowLog;
import io.kehu.platform.workflow.runtime.WorkflowTexts;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jooq.Query;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workflow runtime's front: the transitions a user may take on a record (the buttons), taking one, and the
 * tasks transitions create. A transition is checked here — state, who may act ({@link WhoMayAct}, the same decision
 * the buttons come from), comment, required fields, guard — then written in one transaction: the status field and the
 * transition's {@code setField} values through {@link Records} with the caller's row version (permissions, form
 * rules, optimistic locking, audit), the step with its comment in the workflow log, the tasks of the state left
 * closed and new ones created. Two people acting on one version: one wins, the other gets the records' conflict.
 *
 * <p>A {@code notify} action publishes a {@link WorkflowNotice} in the transaction; entering a state starts its
 * clocks (SLA, scheduled steps — {@code runtime.StateClocks}); {@code createRecord} and {@code startWorkflow} write
 * their record in the same transaction ({@link RecordActions}), so a refused one refuses the whole move.
 */
@Service
public class Workflows {

    /** The longest comment the log keeps. */
    public static final int MAX_COMMENT = 2000;

    private final WorkflowCatalog catalog;
    private final FormCatalog forms;
    private final Records records;
    private final RuleEngine rules;
    private final WorkflowLog log;
    private final TaskStore tasks;
    private final TaskAssigner assigner;
    private final WorkflowClock clock;
    private final WorkflowCalendars calendars;
    private final ApplicationEventPublisher events;
    private final RecordActions recordActions;
    private final Teams teams;
    private final UserAccounts accounts;
    private final TransitionWrites transitionWrites;
    private final ApprovalRounds approvals;

    Workflows(WorkflowCatalog catalog, FormCatalog forms, Records records, RuleEngine rules, WorkflowLog log,
            TaskStore tasks, TaskAssigner assigner, WorkflowCalendars calendars, ApplicationEventPublisher events,
            RecordActions recordActions, Teams teams, WorkflowClock clock, UserAccounts accounts,
            TransitionWrites transitionWrites, ApprovalRounds approvals) {
        this.approvals = approvals;
        this.accounts = accounts;
        this.transitionWrites = transitionWrites;
        this.recordActions = recordActions;
        this.teams = teams;
        this.calendars = calendars;
        this.events = events;
        this.catalog = catalog;
        this.forms = forms;
        this.records = records;
        this.rules = rules;
        this.log = log;
        this.tasks = tasks;
        this.assigner = assigner;
        this.clock = clock;
    }

    /** The workflow in force for {@code formId}, if any. */
    public Optional<WorkflowDefinition> workflow(String formId) {
        return catalog.forForm(formId);
    }

    /**
     * The transitions {@code actor} may take on the record now, in button order: those leaving its state whose actor
     * rule allows the actor and whose guard holds. Comment and required fields are asked when the button is used.
     */
    public List<Transition> allowedTransitions(Actor actor, String formId, long recordId) {
        WorkflowDefinition workflow = catalog.forForm(formId).orElse(null);
        if (workflow == null) {
            return List.of();
        }
        FormDefinition form = form(formId);
        Record record = records.get(actor, formId, recordId)
                .orElseThrow(() -> new RecordNotFoundException(formId, recordId));
        WhoMayAct.RecordFacts facts = facts(form, record, actor);
        return workflow.transitionsFrom(String.valueOf(record.get(workflow.statusField()))).stream()
                .filter(t -> t.approval() != null ? approvals.mayApprove(workflow, t, record, actor, facts)
                        : WhoMayAct.decide(t.actors(), actor, facts).allowed())
                .filter(t -> t.guard() == null || guardHolds(form, workflow, t, record, actor))
                .toList();
    }

    /**
     * Takes transition {@code transitionId} on the record the actor read at {@code expectedRowVersion}.
     *
     * @return the record after the move
     * @throws TransitionRefusedException when the move is not allowed, with why
     * @throws io.kehu.platform.records.RecordConflictException when someone saved the record since that version
     */
    @Transactional
    public Record transition(Actor actor, String formId, long recordId, String transitionId, String comment,
            int expectedRowVersion) {
        return transition(actor, formId, recordId, transitionId, comment, Map.of(), expectedRowVersion);
    }

    /**
     * Saves {@code values} (the fields the transition requires, filled in its dialog) and takes the transition, in one
     * transaction: a refused transition leaves the values unsaved too.
     *
     * @see #transition(Actor, String, long, String, String, int)
     */
    @Transactional
    public Record transition(Actor actor, String formId, long recordId, String transitionId, String comment,
            Map<String, ?> values, int readRowVersion) {
        WorkflowDefinition workflow = catalog.forForm(formId)
                .orElseThrow(() -> refused(TransitionRefusedException.Reason.NO_WORKFLOW, null, "refused.NO_WORKFLOW"));
        Transition move = workflow.transition(transitionId)
                .orElseThrow(() -> refused(TransitionRefusedException.Reason.UNKNOWN_TRANSITION, null, "refused.UNKNOWN_TRANSITION"));
        // The fields the transition asks for may be saved even where the state leaves them read-only.
        int expectedRowVersion = values.isEmpty() ? readRowVersion
                : TransitionScope.filling(formId, recordId, Set.copyOf(move.requires()),
                        () -> records.update(actor, formId, recordId, readRowVersion, values)).rowVersion();
        FormDefinition form = form(formId);
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (move.approval() != null) {
            return approve(workflow, move, form, readToAct(actor, formId, recordId, expectedRowVersion), actor, text);
        }
        // The record is read once, for the write: the checks run on it inside the update, after its version check
        // (a colleague's save in between is a conflict naming them; a record out of sight is not found).
        return move(workflow, move, form, recordId, expectedRowVersion, actor, text,
                record -> TransitionChecks.check(workflow, move, form, record, actor, text, facts(form, record, actor),
                        () -> move.guard() == null || guardHolds(form, workflow, move, record, actor)));
    }

    /**
     * One approver's approval ({@link Approval}): counted under the round's lock; when it decides the round the
     * transition is taken on the record as it stands after the lock (another approver may have been first).
     */
    private Record approve(WorkflowDefinition workflow, Transition move, FormDefinition form, Record record,
            Actor actor, String text) {
        boolean decided = approvals.approve(workflow, move, form, record, actor, text, facts(form, record, actor),
                () -> move.guard() == null || guardHolds(form, workflow, move, record, actor), clock.now());
        Record current = records.get(actor, form.id(), record.id())
                .orElseThrow(() -> new RecordNotFoundException(form.id(), record.id()));
        return decided ? move(workflow, move, form, current.id(), current.rowVersion(), actor, text, seen -> {
        }) : current;
    }

    /** The record as {@code actor} reads it at {@code expectedRowVersion}, refused as any write would be otherwise. */
    private Record readToAct(Actor actor, String formId, long recordId, int expectedRowVersion) {
        Optional<Record> seen = records.get(actor, formId, recordId);
        if (seen.isEmpty()) {
            // Out of sight: the records' own check tells a colleague's change (a conflict) from a missing record.
            records.update(actor, formId, recordId, expectedRowVersion, Map.of());
            throw new RecordNotFoundException(formId, recordId);
        }
        if (seen.get().rowVersion() != expectedRowVersion) {
            // Stale: the records' own check refuses it with who saved in between, as any other write would be.
            records.update(actor, formId, recordId, expectedRowVersion, Map.of());
        }
        return seen.get();
    }

    /**
     * Where the approvals by several people of the transitions leaving the record's state stand: who approved when
     * and who still has to (empty when none leaves it or no round is open).
     */
    public List<ApprovalStatus> approvalStatus(Actor actor, String formId, long recordId) {
        WorkflowDefinition workflow = catalog.forForm(formId).orElse(null);
        Record record = records.get(actor, formId, recordId)
                .orElseThrow(() -> new RecordNotFoundException(formId, recordId));
        return workflow == null ? List.of() : approvals.status(workflow, record);
    }

    /** The approvals given on a record the actor may see, oldest first: who approved which transition, when, why. */
    public List<WorkflowStep> approvals(Actor actor, String formId, long recordId) {
        requireVisible(actor, formId, recordId);
        return approvals.approvals(formId, recordId);
    }

    /**
     * Takes a scheduled step's transition as the platform ("3 days after 已解决, open the revisit"): no actor rule
     * or comment applies, the guard still does. Runs in the timer queue's transaction.
     */
    void takeScheduledStep(WorkflowDefinition workflow, WorkflowTimer timer, Record record) {
        Transition move = workflow.transition(timer.transition()).orElseThrow();
        FormDefinition form = form(workflow.form());
        Actor platform = Actor.system("workflow-timers");
        if (move.guard() != null && !guardHolds(form, workflow, move, record, platform)) {
            return;
        }
        // No comment: the log names the platform as the actor, and screens show it in the reader's language.
        move(workflow, move, form, record.id(), record.rowVersion(), platform, null, seen -> {
        });
    }

    /**
     * Writes the move of record {@code recordId} (read at {@code rowVersion}) after {@code check} accepted the record
     * as read for the write: its status and {@code setField} values through the one write path, then the clocks' timers,
     * the log row and the closing of the state's tasks in one batch ({@link TransitionWrites}), then the actions.
     */
    private Record move(WorkflowDefinition workflow, Transition move, FormDefinition form, long recordId,
            int rowVersion, Actor actor, String text, Consumer<Record> check) {
        String formId = form.id();
        // Whole microseconds, as stored: the batch closes the state's tasks at this time and finds them by it.
        Instant now = clock.now().truncatedTo(ChronoUnit.MICROS);
        BusinessCalendar calendar = calendars.of(workflow);
        Map<String, Object> changes = TransitionChecks.changes(workflow, move, actor, now, calendar.zone());
        List<Query> deferred = new ArrayList<>();
        String[] left = new String[1];
        Record moved = TransitionScope.moving(formId, recordId, move.to(), deferred,
                () -> records.update(actor, formId, recordId, rowVersion, record -> {
                    check.accept(record);
                    left[0] = String.valueOf(record.get(workflow.statusField()));
                    TransitionScope.leaving(formId, recordId, left[0], record.createdAt().toInstant());
                    return changes;
                }));
        String from = left[0];
        if (workflow.transitionsFrom(from).stream().anyMatch(t -> t.approval() != null)) {
            // Before the batch closes the state's tasks as done: an undecided round's are cancelled, not done. (A
            // round left open by an earlier version without approvals here is closed as done by the batch.)
            approvals.close(formId, recordId, from, actor.userId(), now);
        }
        WorkflowStep step = new WorkflowStep(workflow.id(), move.id(), from, move.to(), text, actor.userId(),
                actor.username(), now);
        boolean closedTasks = transitionWrites.write(formId, recordId, step, deferred);
        events.publishEvent(new WorkflowTransitioned(formId, recordId, step, move.label(), stateLabel(workflow, from),
                stateLabel(workflow, move.to())));
        if (closedTasks) {
            transitionWrites.publishClosedTasks(formId, recordId, step);
        }
        WhoMayAct.RecordFacts facts = facts(form, moved, actor);
        for (WorkflowAction action : move.actions()) {
            if (action instanceof WorkflowAction.CreateTask task) {
                createTask(workflow, move, task, moved, facts, calendar, now);
            } else if (action instanceof WorkflowAction.Notify notify) {
                events.publishEvent(new WorkflowNotice(WorkflowNotice.Kind.TRANSITION, formId, recordId,
                        workflow.id(), recipients(notify, facts), notify.message(), notify.webhook()));
            } else {
                recordActions.run(action, form, moved, actor, move.label(), "workflow:" + workflow.id(),
                        workflow.id() + " / " + move.id());
            }
        }
        approvals.open(workflow, move.to(), moved, facts, t -> guardHolds(form, workflow, t, moved, actor), now);
        return moved;
    }

    /**
     * The fields people may change while {@code record} is in its current state (the state's {@code editable}), or
     * empty when the state leaves that to the form's permissions.
     */
    public Optional<Set<String>> editableFields(String formId, Record record) {
        return catalog.forForm(formId)
                .flatMap(w -> w.state(String.valueOf(record.get(w.statusField()))))
                .map(WorkflowState::editable);
    }

    /**
     * Where the record stands against its state's time limit, if the state has one: since it entered the state (its
     * last move there, else its creation), counted in the workflow's calendar.
     */
    public Optional<SlaClock> slaClock(Actor actor, String formId, long recordId) {
        WorkflowDefinition workflow = catalog.forForm(formId).orElse(null);
        if (workflow == null) {
            return Optional.empty();
        }
        Record record = records.get(actor, formId, recordId)
                .orElseThrow(() -> new RecordNotFoundException(formId, recordId));
        String state = String.valueOf(record.get(workflow.statusField()));
        WorkflowState current = workflow.state(state).orElse(null);
        if (current == null || current.sla() == null || current.terminal()) {
            return Optional.empty();
        }
        // Entered at the last logged move into it; a record created there (or placed there by the platform) since.
        List<WorkflowStep> steps = log.steps(formId, recordId);
        int last = steps.size() - 1;
        while (last >= 0 && !steps.get(last).to().equals(state)) {
            last--;
        }
        Instant created = record.createdAt().toInstant();
        Instant entered = last >= 0 ? steps.get(last).actedAt() : created;
        Instant due = SlaBudget.deadline(workflow, calendars.of(workflow), current, steps.subList(0, Math.max(0, last)),
                created, entered);
        return Optional.of(new SlaClock(current, entered, due, clock.now().isAfter(due)));
    }

    /**
     * Gives user {@code assigneeId} a task about a record on behalf of {@code source} (e.g. {@code plugin:churn}): it
     * belongs to no state and stays open until {@link #completeTask}; the assignee is told.
     */
    @Transactional
    public long createTask(Actor actor, String source, String formId, long recordId, String kind,
            LocalizedText title, long assigneeId, Instant dueAt) {
        requireVisible(actor, formId, recordId);
        Instant now = clock.now();
        long id = tasks.create(new TaskStore.NewTask(formId, recordId, source, kind, TaskStore.ANY_STATE, title,
                assigneeId, dueAt, now, null));
        events.publishEvent(new WorkflowNotice(WorkflowNotice.Kind.TASK_ASSIGNED, formId, recordId, source,
                Set.of(assigneeId), title));
        return id;
    }

    /** Marks {@code source}'s open task done; false when it is not open or not {@code source}'s. */
    @Transactional
    public boolean completeTask(Actor actor, String source, long taskId) {
        return tasks.complete(taskId, source, actor.userId(), clock.now());
    }

    /** What became of a request to mark a task done. */
    public enum Completion {
        /** Marked done now. */
        DONE,
        /** It was already done or cancelled. */
        NOT_OPEN,
        /** It belongs to a workflow state: taking one of the record's transitions closes it, marking it does not. */
        NEEDS_TRANSITION
    }

    /**
     * Task {@code taskId} if {@code actor} may look at it: their own, their team's for managers, anyone's for
     * administrators (as the inbox's team view).
     */
    public Optional<TaskInState> task(Actor actor, long taskId) {
        return tasks.byId(taskId).filter(t -> {
            Set<Long> team = teamOf(actor, true);
            return team == null || team.contains(t.task().assigneeId());
        });
    }

    /**
     * Marks an open task of an automation or plugin (one that belongs to no state) done, as its assignee or an
     * administrator; a task of a workflow state is closed by taking a transition instead.
     *
     * @throws io.kehu.platform.security.AccessRefusedException when the actor is neither
     */
    @Transactional
    public Completion completeTask(Actor actor, long taskId) {
        TaskInState found = tasks.byId(taskId).orElseThrow(() -> new IllegalArgumentException("No task " + taskId));
        WorkflowTask task = found.task();
        boolean assignee = actor.userId() != null && actor.userId() == task.assigneeId();
        if (!assignee && !actor.hasRole(Role.ADMIN) && !actor.isSystem()) {
            throw new io.kehu.platform.security.AccessRefusedException("只有待办的负责人或管理员可以将其标为完成",
                    "Only the task's assignee or an administrator may mark it done");
        }
        if (task.status() != WorkflowTask.Status.OPEN) {
            return Completion.NOT_OPEN;
        }
        if (found.closedByTransition()) {
            return Completion.NEEDS_TRANSITION;
        }
        return tasks.complete(taskId, task.workflowId(), actor.userId(), clock.now()) ? Completion.DONE
                : Completion.NOT_OPEN;
    }

    /**
     * Hands open task {@code taskId} to user {@code toUserId}: its assignee gives it to a colleague (转交), the
     * assignee's manager ({@link Teams}: anyone they report to) or an administrator reassigns it (改派). The new
     * assignee must be an enabled user who may read the record and whom the rule that created the task allows — for a
     * workflow's task the assignee rule of its {@code createTask} action of that kind, so separation of duties holds
     * (the complaint's handler never gets its revisit) — while for a plugin's or automation's task reading the record
     * suffices. Written in the caller's transaction: the task's new assignee (its warning cleared), the hand-off with
     * {@code reason} in the workflow log ({@link #taskHandOffs}), the {@code task.assigned} change and a notice to the
     * new assignee.
     *
     * @param reason why, or null; kept in the log, at most {@link #MAX_COMMENT} characters
     * @return the task as it stands now
     * @throws TaskHandOffRefusedException when it may not be handed on so, with why; nothing is written then
     */
    @Transactional
    public WorkflowTask reassignTask(Actor actor, long taskId, long toUserId, String reason) {
        TaskInState found = tasks.byId(taskId).filter(t -> t.task().status() == WorkflowTask.Status.OPEN)
                .orElseThrow(() -> handOffRefused(Reason.NOT_OPEN, "handOff.NOT_OPEN"));
        WorkflowTask task = found.task();
        if (!mayHandOn(actor, task)) {
            throw handOffRefused(Reason.NOT_ALLOWED, "handOff.NOT_ALLOWED");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > MAX_COMMENT) {
            throw handOffRefused(Reason.REASON_TOO_LONG, "handOff.REASON_TOO_LONG", MAX_COMMENT, why.length());
        }
        UserAccount target = accounts.findById(toUserId)
                .orElseThrow(() -> handOffRefused(Reason.UNKNOWN_USER, "handOff.UNKNOWN_USER"));
        if (!target.enabled()) {
            throw handOffRefused(Reason.USER_DISABLED, "handOff.USER_DISABLED", target.displayName());
        }
        if (target.id() == task.assigneeId()) {
            throw handOffRefused(Reason.SAME_ASSIGNEE, "handOff.SAME_ASSIGNEE", target.displayName());
        }
        Eligibility eligibility = eligibility(actor, task);
        WhoMayAct.Decision decision = eligibility.decide(target);
        if (!decision.allowed()) {
            LocalizedText name = LocalizedText.of(target.displayName(), target.displayName());
            throw switch (decision.reason()) {
                case EXCLUDED_BY_FIELD -> new TaskHandOffRefusedException(Reason.NOT_ELIGIBLE, WorkflowTexts.text(
                        "handOff.EXCLUDED_BY_FIELD", name, fieldLabel(eligibility.form(), decision.field())));
                case EXCLUDED_AS_CREATOR -> new TaskHandOffRefusedException(Reason.NOT_ELIGIBLE,
                        WorkflowTexts.text("handOff.EXCLUDED_AS_CREATOR", name));
                default -> new TaskHandOffRefusedException(Reason.NOT_ELIGIBLE,
                        WorkflowTexts.text("handOff.NOT_ELIGIBLE", name));
            };
        }
        Instant now = clock.now();
        if (!tasks.handOver(taskId, task.assigneeId(), target.id(), actor.userId())) {
            throw handOffRefused(Reason.NOT_OPEN, "handOff.NOT_OPEN");
        }
        log.appendHandOff(task.formId(), task.recordId(), task.workflowId(), found.state(), new WorkflowLog.HandOff(
                taskId, task.assigneeId(), target.id(), why, actor.userId(), actor.username(), now));
        events.publishEvent(new WorkflowNotice(WorkflowNotice.Kind.TASK_ASSIGNED, task.formId(), task.recordId(),
                task.workflowId(), Set.of(target.id()), task.title()));
        return tasks.byId(taskId).orElseThrow().task();
    }

    /**
     * Whom {@code actor} may hand open task {@code taskId} to ({@link #reassignTask}): the enabled users eligible for
     * it other than its assignee, by display name; empty when the actor may not hand it on or it is not open.
     */
    public List<UserAccount> handOffCandidates(Actor actor, long taskId) {
        WorkflowTask task = tasks.byId(taskId).map(TaskInState::task)
                .filter(t -> t.status() == WorkflowTask.Status.OPEN).orElse(null);
        if (task == null || !mayHandOn(actor, task)) {
            return List.of();
        }
        Eligibility eligibility = eligibility(actor, task);
        java.text.Collator byName = java.text.Collator.getInstance(java.util.Locale.SIMPLIFIED_CHINESE);
        return accounts.findAll().stream().filter(UserAccount::enabled).filter(u -> u.id() != task.assigneeId())
                .filter(u -> eligibility.decide(u).allowed())
                .sorted(java.util.Comparator.comparing(UserAccount::displayName, byName))
                .toList();
    }

    /** Whether {@code actor} may hand {@code task} on: its assignee, someone it reports to, an administrator. */
    public boolean mayHandOn(Actor actor, WorkflowTask task) {
        return mayHandOn(actor).test(task);
    }

    /**
     * {@link #mayHandOn(Actor, WorkflowTask)} for many tasks (a page of the inbox): the actor's team is read once.
     */
    public java.util.function.Predicate<WorkflowTask> mayHandOn(Actor actor) {
        if (actor.isSystem() || actor.hasRole(Role.ADMIN)) {
            return task -> true;
        }
        if (actor.userId() == null) {
            return task -> false;
        }
        long self = actor.userId();
        Set<Long> team = maySeeTeam(actor) ? teams.members(self) : Set.of();
        return task -> task.assigneeId() == self || team.contains(task.assigneeId());
    }

    /** The hand-offs (转交/改派) of the tasks of a record the actor may see, oldest first, with their reasons. */
    public List<WorkflowLog.HandOff> taskHandOffs(Actor actor, String formId, long recordId) {
        requireVisible(actor, formId, recordId);
        return log.handOffs(formId, recordId);
    }

    /** Who may receive a task: the record (read as the platform) and the rule that created the task, if any. */
    private record Eligibility(FormDefinition form, Record record, ActorRule rule, WhoMayAct.RecordFacts facts,
            Records records, Set<Long> otherApprovers) {

        WhoMayAct.Decision decide(UserAccount user) {
            Actor candidate = Actor.of(user);
            if (otherApprovers.contains(user.id())
                    || records.get(candidate, record.formId(), record.id()).isEmpty()) {
                return new WhoMayAct.Decision(WhoMayAct.Reason.NOT_NAMED, null);
            }
            return rule == null ? new WhoMayAct.Decision(WhoMayAct.Reason.QUALIFIES, null)
                    : WhoMayAct.decide(rule, candidate, facts);
        }
    }

    private Eligibility eligibility(Actor actor, WorkflowTask task) {
        FormDefinition form = form(task.formId());
        Record record = records.get(Actor.system("workflow-tasks"), task.formId(), task.recordId())
                .orElseThrow(() -> handOffRefused(Reason.NOT_OPEN, "handOff.NOT_OPEN"));
        Optional<WorkflowDefinition> workflow = catalog.forForm(task.formId())
                .filter(w -> w.id().equals(task.workflowId()));
        // An approver's task follows their seat's rule, and never goes to someone holding another seat of the round.
        Optional<ApprovalRounds.SeatRule> seat = workflow.flatMap(w -> approvals.seatRule(w, task));
        ActorRule rule = seat.map(ApprovalRounds.SeatRule::rule).orElseGet(() -> workflow
                .flatMap(w -> w.transitions().stream().flatMap(t -> t.actions().stream())
                        .filter(a -> a instanceof WorkflowAction.CreateTask c && c.kind().equals(task.kind()))
                        .map(a -> ((WorkflowAction.CreateTask) a).assignee()).findFirst())
                .orElse(null));
        return new Eligibility(form, record, rule, facts(form, record, actor), records,
                seat.map(ApprovalRounds.SeatRule::otherApprovers).orElse(Set.of()));
    }

    private static LocalizedText fieldLabel(FormDefinition form, String fieldId) {
        return form.field(fieldId).map(f -> f.label()).filter(l -> l != null && !l.isEmpty())
                .orElse(LocalizedText.of(fieldId, fieldId));
    }

    private static TaskHandOffRefusedException handOffRefused(Reason reason, String key, Object... args) {
        return new TaskHandOffRefusedException(reason, WorkflowTexts.text(key, args));
    }

    /**
     * A keyset page of {@code actor}'s open tasks in the inbox's order (earliest due first, undated last, then id),
     * after the task at ({@code afterDue}, {@code afterId}), or from the start when {@code afterId} is null.
     *
     * @param kind only tasks of this kind, or null for all
     */
    public List<WorkflowTask> openTasksAfter(Actor actor, String kind, Instant afterDue, Long afterId, int limit) {
        if (actor.userId() == null) {
            return List.of();
        }
        return tasks.openAfter(actor.userId(), kind, afterDue, afterId, Math.clamp(limit, 1, 500));
    }

    /** The open tasks about a record the actor may see, oldest first. */
    public List<WorkflowTask> openTasksOf(Actor actor, String formId, long recordId) {
        return tasksOf(actor, formId, recordId).stream().filter(t -> t.status() == WorkflowTask.Status.OPEN).toList();
    }

    /** Tells {@code users} something about a record on behalf of {@code source}. */
    @Transactional
    public void notify(Actor actor, String source, String formId, long recordId, Set<Long> users,
            LocalizedText message) {
        requireVisible(actor, formId, recordId);
        if (!users.isEmpty()) {
            events.publishEvent(new WorkflowNotice(WorkflowNotice.Kind.MESSAGE, formId, recordId, source, users,
                    message));
        }
    }

    /** The owner field of the workflow's form, or null. */
    String ownerField(WorkflowDefinition workflow) {
        return form(workflow.form()).ownerField();
    }

    /**
     * One page of {@code actor}'s open tasks (我的待办), earliest due — so overdue — first, tasks without a due date
     * last.
     */
    public List<WorkflowTask> openTasks(Actor actor, int offset, int limit) {
        if (actor.userId() == null) {
            return List.of();
        }
        return tasks.open(actor.userId(), Math.max(0, offset), Math.clamp(limit, 1, 500));
    }

    /**
     * One page of open tasks, earliest due (so overdue) first, undated last: {@code actor}'s own, or with
     * {@code team} their team's — a manager's own and those of everyone reporting to them ({@link Teams}), everyone's
     * for administrators; others get their own.
     *
     * @param kind only tasks of this kind ({@link #taskKinds()}), or null for all
     */
    public List<WorkflowTask> openTasks(Actor actor, boolean team, String kind, int offset, int limit) {
        return tasks.open(teamOf(actor, team), kind, Math.max(0, offset), Math.clamp(limit, 1, 500));
    }

    /** How many tasks {@link #openTasks(Actor, boolean, String, int, int)} pages through. */
    public int countOpenTasks(Actor actor, boolean team, String kind) {
        return tasks.countOpen(teamOf(actor, team), kind);
    }

    /**
     * Open and overdue tasks per user now, for the team view: a manager's team (themselves included), everyone for
     * administrators; empty for everyone else.
     */
    public Map<Long, TaskWorkload> teamWorkload(Actor actor) {
        return seesTeam(actor, true) ? tasks.workload(clock.now(), teamOf(actor, true)) : Map.of();
    }

    /**
     * Whose tasks {@code actor} sees: null for everyone's (administrators, the platform, asking for the team), a
     * manager's team and themselves, else only their own.
     */
    private Set<Long> teamOf(Actor actor, boolean team) {
        if (actor.isSystem() || team && actor.hasRole(Role.ADMIN)) {
            return null;
        }
        if (!seesTeam(actor, team)) {
            return Set.of(actor.userId());
        }
        Set<Long> members = new java.util.LinkedHashSet<>(teams.members(actor.userId()));
        members.add(actor.userId());
        return members;
    }

    /** Whether {@code actor} may look at the whole team's tasks. */
    public static boolean maySeeTeam(Actor actor) {
        return actor.hasRole(Role.MANAGER) || actor.hasRole(Role.ADMIN);
    }

    /** The kinds of task the workflows in force create, each with the title of its task (for a filter). */
    public Map<String, LocalizedText> taskKinds() {
        Map<String, LocalizedText> kinds = new LinkedHashMap<>();
        for (WorkflowDefinition workflow : catalog.all()) {
            for (Transition t : workflow.transitions()) {
                for (WorkflowAction action : t.actions()) {
                    if (action instanceof WorkflowAction.CreateTask task) {
                        kinds.putIfAbsent(task.kind(), task.title());
                    }
                }
                if (t.approval() != null) {
                    kinds.putIfAbsent(t.approval().kind(), t.approval().title());
                }
            }
        }
        return kinds;
    }

    /**
     * When the record must leave its current state by the state's SLA ({@code sla.within} from when it entered the
     * state, in working time of the workflow's calendar when so defined); empty when the state has no SLA or the form
     * no workflow. The state was entered at the last logged step into it, or when the record was created.
     */
    public Optional<Instant> slaDue(Actor actor, String formId, long recordId) {
        return slaClock(actor, formId, recordId).map(SlaClock::dueAt);
    }

    private static boolean seesTeam(Actor actor, boolean team) {
        return team && maySeeTeam(actor);
    }

    /** The tasks of a record the actor may see, oldest first. */
    public List<WorkflowTask> tasksOf(Actor actor, String formId, long recordId) {
        requireVisible(actor, formId, recordId);
        return tasks.ofRecord(formId, recordId);
    }

    /** The transitions taken on a record the actor may see, oldest first, with their comments. */
    public List<WorkflowStep> steps(Actor actor, String formId, long recordId) {
        requireVisible(actor, formId, recordId);
        return log.steps(formId, recordId);
    }

    private void createTask(WorkflowDefinition workflow, Transition move, WorkflowAction.CreateTask task,
            Record record, WhoMayAct.RecordFacts facts, BusinessCalendar calendar, Instant now) {
        TaskAssigner.Choice choice = assigner.choose(task.assignee(), facts, approvals.mayRead(record), Set.of());
        Instant due = task.due() == null ? null
                : task.workingTime() ? calendar.plusWorkingTime(now, task.due()) : now.plus(task.due());
        tasks.create(new TaskStore.NewTask(record.formId(), record.id(), workflow.id(), task.kind(), move.to(),
                task.title(), choice.userId(), due, now, choice.warningCode()));
        events.publishEvent(new WorkflowNotice(WorkflowNotice.Kind.TASK_ASSIGNED, record.formId(), record.id(),
                workflow.id(), Set.of(choice.userId()), task.title()));
    }

    /** Whom a {@code notify} tells in the app: none when it only names a webhook channel. */
    Set<Long> recipients(WorkflowAction.Notify notify, WhoMayAct.RecordFacts facts) {
        return notify.recipients() == null ? Set.of() : assigner.everyone(notify.recipients(), facts);
    }

    private boolean guardHolds(FormDefinition form, WorkflowDefinition workflow, Transition move, Record record,
            Actor actor) {
        return rules.holds(form, move.guard(), record.values().asMap(), Optional.of(record), actor,
                workflow.id() + " / " + move.id());
    }

    private WhoMayAct.RecordFacts facts(FormDefinition form, Record record, Actor actor) {
        return new WhoMayAct.RecordFacts(record::get, form.ownerField(), record.createdBy(),
                script -> rules.holds(form, script, record.values().asMap(), Optional.of(record), actor,
                        record.formId() + " / when"));
    }

    private void requireVisible(Actor actor, String formId, long recordId) {
        if (records.get(actor, formId, recordId).isEmpty()) {
            throw new RecordNotFoundException(formId, recordId);
        }
    }

    private FormDefinition form(String formId) {
        return forms.published(formId)
                .orElseThrow(() -> new IllegalStateException("Workflow bound to unpublished form " + formId));
    }

    static TransitionRefusedException refused(TransitionRefusedException.Reason reason, WhoMayAct.Decision decision, String key,
            LocalizedText... args) {
        return new TransitionRefusedException(reason, decision, WorkflowTexts.text(key, args));
    }

    private static LocalizedText stateLabel(WorkflowDefinition workflow, String stateId) {
        return workflow.state(stateId).map(WorkflowState::label).orElse(new LocalizedText(stateId, stateId));
    }
}
