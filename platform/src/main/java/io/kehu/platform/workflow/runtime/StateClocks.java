package io.kehu.platform.workflow.runtime;

import io.kehu.platform.calendar.BusinessCalendar;
import io.kehu.platform.records.RecordEvents;
import io.kehu.platform.records.Records;
import io.kehu.platform.records.RecordsSavedInBulk;
import io.kehu.platform.security.Actor;
import io.kehu.platform.workflow.Sla;
import io.kehu.platform.workflow.WorkflowCatalog;
import io.kehu.platform.workflow.WorkflowClock;
import io.kehu.platform.workflow.WorkflowDefinition;
import io.kehu.platform.workflow.WorkflowState;
import io.kehu.platform.workflow.WorkflowStep;
import io.kehu.platform.workflow.WorkflowTimer;
import io.kehu.platform.workflow.timers.TimerQueue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts a state's clocks when a record enters it: the SLA reminder and deadline, and the scheduled steps that leave
 * from it. Runs on the record events inside the write's transaction, so the timers exist exactly when the move
 * committed; entering a state first cancels the timers of the state left (a record is in one state at a time).
 *
 * <p>New records enter the workflow's initial state — the status guard lets nothing else in — so bulk creates
 * (imports) need no read per record.
 */
@Component
public class StateClocks {

    /** Timer kinds, as stored. */
    public static final String SLA_REMIND = "sla_remind";
    public static final String SLA_BREACH = "sla_breach";
    public static final String STEP = "step";

    private static final Actor CLOCKS = Actor.system("workflow-clocks");

    private final WorkflowCatalog catalog;
    private final TimerQueue timers;
    private final Records records;
    private final WorkflowCalendars calendars;
    private final WorkflowLog log;
    private final WorkflowClock clock;

    StateClocks(WorkflowCatalog catalog, TimerQueue timers, Records records, WorkflowCalendars calendars,
            WorkflowLog log, WorkflowClock clock) {
        this.log = log;
        this.catalog = catalog;
        this.timers = timers;
        this.records = records;
        this.calendars = calendars;
        this.clock = clock;
    }

    @EventListener
    void saved(RecordEvents.Saved saved) {
        WorkflowDefinition workflow = catalog.forForm(saved.formId()).orElse(null);
        if (workflow == null) {
            return;
        }
        if (saved.created()) {
            enter(workflow, saved.id(), workflow.initialState().id());
        } else if (saved.changedFields().contains(workflow.statusField())) {
            // A transition says where the record goes and when it was made; otherwise (a publish's remapping without
            // them) the record is read.
            Optional<TransitionScope.Entering> entering = TransitionScope.entering(saved.formId(), saved.id());
            if (entering.isPresent()) {
                enter(workflow, saved.id(), entering.get().state(), entering.get().createdAt(),
                        entering.get().from());
            } else {
                records.get(CLOCKS, saved.formId(), saved.id()).ifPresent(r -> enter(workflow, saved.id(),
                        String.valueOf(r.get(workflow.statusField())), r.createdAt().toInstant()));
            }
        }
    }

    @EventListener
    void savedInBulk(RecordsSavedInBulk saved) {
        WorkflowDefinition workflow = catalog.forForm(saved.formId()).orElse(null);
        if (workflow == null || !saved.created()) {
            return;
        }
        for (long id : saved.ids()) {
            enter(workflow, id, workflow.initialState().id());
        }
    }

    @EventListener
    void deleted(RecordEvents.Deleted deleted) {
        catalog.forForm(deleted.formId()).ifPresent(w -> timers.cancel(deleted.formId(), deleted.id(), w.id()));
    }

    /** Cancels the clocks of the state left and starts those of {@code stateId}, from now (a new record). */
    void enter(WorkflowDefinition workflow, long recordId, String stateId) {
        enter(workflow, recordId, stateId, null);
    }

    /**
     * Cancels the clocks of the state left and starts those of {@code stateId}, from now; for a record created at
     * {@code createdAt} (null: just now) the SLA counts the time it already spent there before a pause.
     */
    void enter(WorkflowDefinition workflow, long recordId, String stateId, Instant createdAt) {
        enter(workflow, recordId, stateId, createdAt, null);
    }

    /**
     * As {@link #enter(WorkflowDefinition, long, String, Instant)}, knowing the state left ({@code from}, null when
     * not known): coming from a state that neither is the one entered nor pauses, no earlier time counts
     * ({@link SlaBudget}), so the log is not read.
     */
    private void enter(WorkflowDefinition workflow, long recordId, String stateId, Instant createdAt, String from) {
        // Inside a transition these go with its log row in one round trip (TransitionScope.deferOrRun).
        TransitionScope.deferOrRun(workflow.form(), recordId, timers.cancelling(workflow.form(), recordId, workflow.id()));
        WorkflowState state = workflow.state(stateId).orElse(null);
        if (state == null || state.terminal()) {
            return;
        }
        Instant now = clock.now();
        BusinessCalendar calendar = calendars.of(workflow);
        Sla sla = state.sla();
        List<TimerQueue.NewTimer> start = new ArrayList<>();
        if (sla != null) {
            // The move being written is not in the log yet: the log holds the steps before this entry.
            Instant deadline = createdAt == null || freshStart(workflow, state, from) ? deadline(calendar, sla, now)
                    : SlaBudget.deadline(workflow, calendar, state, pausedBefore(workflow, recordId), createdAt, now);
            start.add(new TimerQueue.NewTimer(deadline, SLA_BREACH, state.id()));
            if (sla.remindBefore() != null) {
                Instant remind = deadline.minus(sla.remindBefore());
                start.add(new TimerQueue.NewTimer(remind.isAfter(now) ? remind : now, SLA_REMIND, state.id()));
            }
        }
        for (WorkflowTimer step : workflow.timers()) {
            if (step.state().equals(state.id())) {
                Instant due = step.workingTime() ? calendar.plusWorkingTime(now, step.after()) : now.plus(step.after());
                start.add(new TimerQueue.NewTimer(due, STEP, step.id()));
            }
        }
        timers.schedulingAll(workflow.form(), recordId, workflow.id(), start)
                .ifPresent(insert -> TransitionScope.deferOrRun(workflow.form(), recordId, insert));
    }

    /** Whether entering {@code state} from {@code from} starts its clock afresh: the state left neither is it nor pauses. */
    private static boolean freshStart(WorkflowDefinition workflow, WorkflowState state, String from) {
        return from != null && !from.equals(state.id())
                && !workflow.state(from).map(WorkflowState::pausesSla).orElse(false);
    }

    /** The record's logged steps, read only when the workflow has a pausing state (else they cannot matter). */
    private List<WorkflowStep> pausedBefore(WorkflowDefinition workflow, long recordId) {
        return workflow.states().stream().anyMatch(WorkflowState::pausesSla) ? log.steps(workflow.form(), recordId)
                : List.of();
    }

    /** When a record that entered a state with {@code sla} at {@code entered} is overdue, without pauses. */
    public static Instant deadline(BusinessCalendar calendar, Sla sla, Instant entered) {
        return sla.workingTime() ? calendar.plusWorkingTime(entered, sla.within()) : entered.plus(sla.within());
    }
}
