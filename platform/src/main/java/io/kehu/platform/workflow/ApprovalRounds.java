package io.kehu.platform.workflow;

import io.kehu.platform.calendar.BusinessCalendar;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.workflow.TransitionRefusedException.Reason;
import io.kehu.platform.workflow.runtime.ApprovalTasks;
import io.kehu.platform.workflow.runtime.ApprovalTasks.Seat;
import io.kehu.platform.workflow.runtime.TaskAssigner;
import io.kehu.platform.workflow.runtime.TaskStore;
import io.kehu.platform.workflow.runtime.WorkflowCalendars;
import io.kehu.platform.workflow.runtime.WorkflowLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Approval by several people ({@link Approval}): opens a round of approval tasks when a record enters a state an
 * approval transition leaves, counts each approver's approval — the round's tasks locked, so two approvers at the
 * same moment are counted one after the other — and says when the round is decided, closing the others' tasks; a
 * record leaving the state closes its open rounds. {@link Workflows} takes the transition itself.
 */
@Component
class ApprovalRounds {

    private final ApprovalTasks rounds;
    private final TaskStore tasks;
    private final TaskAssigner assigner;
    private final WorkflowLog log;
    private final WorkflowCalendars calendars;
    private final Records records;
    private final UserAccounts accounts;
    private final ApplicationEventPublisher events;

    ApprovalRounds(ApprovalTasks rounds, TaskStore tasks, TaskAssigner assigner, WorkflowLog log,
            WorkflowCalendars calendars, Records records, UserAccounts accounts, ApplicationEventPublisher events) {
        this.rounds = rounds;
        this.tasks = tasks;
        this.assigner = assigner;
        this.log = log;
        this.calendars = calendars;
        this.records = records;
        this.accounts = accounts;
        this.events = events;
    }

    /**
     * Opens a round for every approval transition leaving {@code state} whose guard holds for the record (a large
     * budget's approval only when the budget is large): a task per seat, each for a different person who may read
     * the record, chosen like any task's assignee (no one eligible → the manager, with a warning).
     */
    void open(WorkflowDefinition workflow, String state, Record record, WhoMayAct.RecordFacts facts,
            Predicate<Transition> guardHolds, Instant now) {
        for (Transition move : workflow.transitionsFrom(state)) {
            Approval approval = move.approval();
            if (approval == null || move.guard() != null && !guardHolds.test(move)) {
                continue;
            }
            BusinessCalendar calendar = calendars.of(workflow);
            Instant due = approval.due() == null ? null
                    : approval.workingTime() ? calendar.plusWorkingTime(now, approval.due()) : now.plus(approval.due());
            Set<Long> chosen = new LinkedHashSet<>();
            List<TaskStore.NewTask> seats = new ArrayList<>();
            for (ActorRule rule : approval.approvers()) {
                TaskAssigner.Choice choice = assigner.choose(rule, facts, mayRead(record), chosen);
                chosen.add(choice.userId());
                seats.add(new TaskStore.NewTask(record.formId(), record.id(), workflow.id(), approval.kind(), state,
                        approval.title(), choice.userId(), due, now, choice.warningCode()));
            }
            rounds.open(seats);
            events.publishEvent(new WorkflowNotice(WorkflowNotice.Kind.TASK_ASSIGNED, record.formId(), record.id(),
                    workflow.id(), chosen, approval.title()));
        }
    }

    /** Whether {@code user} may read the record: a task must not land with someone who cannot open it. */
    Predicate<UserAccount> mayRead(Record record) {
        return user -> records.get(Actor.of(user), record.formId(), record.id()).isPresent();
    }

    /** Closes the record's open rounds of {@code state}: it is leaving it (decided, rejected or sent elsewhere). */
    void close(String formId, long recordId, String state, Long actorId, Instant now) {
        tasks.cancel(rounds.openInState(formId, recordId, state), actorId, now);
    }

    /**
     * Counts {@code actor}'s approval of {@code move}, after the checks a transition makes (state, the approver's
     * seat rule, comment, required fields, guard); true when it decides the round — the caller then takes the move.
     *
     * @throws TransitionRefusedException {@code NOT_APPROVER}, {@code ALREADY_APPROVED} or {@code ROUND_CLOSED}
     *     saying who still has to approve, or any refusal of a transition
     */
    boolean approve(WorkflowDefinition workflow, Transition move, FormDefinition form, Record record, Actor actor,
            String comment, WhoMayAct.RecordFacts facts, BooleanSupplier guard, Instant now) {
        TransitionChecks.state(workflow, move, record);
        Approval approval = move.approval();
        String state = String.valueOf(record.get(workflow.statusField()));
        Optional<Long> round = rounds.latestRound(form.id(), record.id(), approval.kind(), state);
        if (round.isEmpty()) {
            // No round opened (e.g. its guard did not hold on entry): say what the transition's own checks say.
            TransitionChecks.check(workflow, move.withoutActorRule(), form, record, actor, comment, facts, guard);
            throw Workflows.refused(Reason.ROUND_CLOSED, null, "approval.NO_ROUND", move.label());
        }
        List<Seat> seats = rounds.lock(round.get());
        List<Seat> mine = seats.stream().filter(Seat::open)
                .filter(s -> Objects.equals(s.assigneeId(), actor.userId())).toList();
        if (mine.isEmpty()) {
            if (seats.stream().noneMatch(Seat::open)) {
                throw Workflows.refused(Reason.ROUND_CLOSED, null, "approval.ROUND_CLOSED", move.label());
            }
            boolean approvedAlready = seats.stream()
                    .anyMatch(s -> s.approved() && Objects.equals(s.doneBy(), actor.userId()));
            ApprovalStatus status = status(move, seats);
            throw approvedAlready
                    ? new TransitionRefusedException(Reason.ALREADY_APPROVED, null,
                            status.text("approval.ALREADY_APPROVED"))
                    : new TransitionRefusedException(Reason.NOT_APPROVER, null, status.text("approval.NOT_APPROVER"));
        }
        for (Seat seat : mine) {
            WhoMayAct.Decision decision = WhoMayAct.decide(seatRule(approval, seat), actor, facts);
            if (!decision.allowed()) {
                throw TransitionChecks.notAllowed(move, form, decision);
            }
        }
        TransitionChecks.check(workflow, move.withoutActorRule(), form, record, actor, comment, facts, guard);
        for (Seat seat : mine) {
            tasks.complete(seat.taskId(), workflow.id(), actor.userId(), now);
        }
        log.appendApproval(form.id(), record.id(), new WorkflowStep(workflow.id(), move.id(), state, state, comment,
                actor.userId(), actor.username(), now));
        long approvals = seats.stream().filter(Seat::approved).count() + mine.size();
        if (approvals < approval.needed()) {
            return false;
        }
        // Decided: whoever has not approved yet has nothing left to do.
        tasks.cancel(seats.stream().filter(Seat::open).filter(s -> !mine.contains(s)).map(Seat::taskId).toList(),
                actor.userId(), now);
        return true;
    }

    /** Whether {@code actor} holds an open seat of the current round of {@code move} that their seat rule allows. */
    boolean mayApprove(WorkflowDefinition workflow, Transition move, Record record, Actor actor,
            WhoMayAct.RecordFacts facts) {
        String state = String.valueOf(record.get(workflow.statusField()));
        return actor.userId() != null && rounds.latestRound(record.formId(), record.id(), move.approval().kind(), state)
                .map(rounds::seats).orElse(List.of()).stream()
                .filter(Seat::open).filter(s -> s.assigneeId() == actor.userId())
                .anyMatch(s -> WhoMayAct.decide(seatRule(move.approval(), s), actor, facts).allowed());
    }

    /** The current rounds of the approval transitions leaving the record's state, in button order. */
    List<ApprovalStatus> status(WorkflowDefinition workflow, Record record) {
        String state = String.valueOf(record.get(workflow.statusField()));
        List<ApprovalStatus> found = new ArrayList<>();
        for (Transition move : workflow.transitionsFrom(state)) {
            if (move.approval() != null) {
                rounds.latestRound(record.formId(), record.id(), move.approval().kind(), state)
                        .map(rounds::seats).filter(seats -> !seats.isEmpty())
                        .ifPresent(seats -> found.add(status(move, seats)));
            }
        }
        return found;
    }

    /**
     * The rule a seat's holder must meet — also whoever a hand-off gives the task to — and the holders of the
     * round's other seats, whom a hand-off may not give it to (one person, one approval): empty when
     * {@code task} is no approval task of {@code workflow}.
     */
    Optional<SeatRule> seatRule(WorkflowDefinition workflow, WorkflowTask task) {
        Optional<Seat> seat = rounds.seatOf(task.id());
        Optional<Approval> approval = workflow.transitions().stream().map(Transition::approval)
                .filter(a -> a != null && a.kind().equals(task.kind())).findFirst();
        if (seat.isEmpty() || approval.isEmpty()) {
            return Optional.empty();
        }
        Set<Long> others = new LinkedHashSet<>();
        rounds.seats(seat.get().roundId()).stream().filter(s -> s.taskId() != task.id())
                .forEach(s -> others.add(s.assigneeId()));
        return Optional.of(new SeatRule(seatRule(approval.get(), seat.get()), others));
    }

    /** A seat's rule and the people holding the round's other seats. */
    record SeatRule(ActorRule rule, Set<Long> otherApprovers) {
    }

    /** The approvals given on a record, oldest first (its history). */
    List<WorkflowStep> approvals(String formId, long recordId) {
        return log.approvals(formId, recordId);
    }

    private static ActorRule seatRule(Approval approval, Seat seat) {
        // A later version may have fewer seats: a seat it no longer names keeps the approval's first rule.
        return approval.approvers().get(seat.seat() < approval.approvers().size() ? seat.seat() : 0);
    }

    private ApprovalStatus status(Transition move, List<Seat> seats) {
        List<ApprovalStatus.Approver> approved = seats.stream().filter(Seat::approved)
                .map(s -> {
                    long by = s.doneBy() == null ? s.assigneeId() : s.doneBy();
                    return new ApprovalStatus.Approver(by, name(by), s.doneAt());
                })
                .toList();
        List<ApprovalStatus.Approver> pending = seats.stream().filter(Seat::open)
                .map(s -> new ApprovalStatus.Approver(s.assigneeId(), name(s.assigneeId()), null)).toList();
        return new ApprovalStatus(move, move.approval().needed(), approved, pending);
    }

    private String name(long userId) {
        return accounts.findById(userId).map(UserAccount::displayName).orElse("#" + userId);
    }
}
