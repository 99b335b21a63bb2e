package io.kehu.platform.workflow;

import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.workflow.runtime.StateClocks;
import io.kehu.platform.workflow.runtime.TaskAssigner;
import io.kehu.platform.workflow.runtime.TaskStore;
import io.kehu.platform.workflow.runtime.WorkflowTexts;
import io.kehu.platform.workflow.timers.DueTimer;
import io.kehu.platform.workflow.timers.TimerQueue;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What a due workflow timer does, and the poller that fires them. A scheduled step takes its transition as the
 * system if the record is still in the state the timer waited in; an SLA reminder tells the people working on the
 * record; a missed SLA tells their manager ({@code security.Teams}; every manager when nobody on the record has one)
 * and, when the state says so, hands the work to that manager — else the least busy one, with a warning — (the
 * state's open tasks, or a new 处理超时 task when it has none). Each timer runs in the queue's transaction, so its
 * effect and its removal commit together.
 */
@Component
class DueTimers {

    private static final Logger log = LoggerFactory.getLogger(DueTimers.class);
    private static final Actor TIMERS = Actor.system("workflow-timers");
    /** Timers fired per poll; the rest wait for the next one, a second later. */
    static final int BATCH = 500;

    private final TimerQueue queue;
    private final WorkflowCatalog catalog;
    private final Workflows workflows;
    private final Records records;
    private final TaskStore tasks;
    private final TaskAssigner assigner;
    private final ApplicationEventPublisher events;
    private final WorkflowClock clock;
    private final boolean enabled;

    DueTimers(TimerQueue queue, WorkflowCatalog catalog, Workflows workflows, Records records, TaskStore tasks,
            TaskAssigner assigner, ApplicationEventPublisher events, WorkflowClock clock,
            @Value("${kehu.workflow.timers.poll:true}") boolean enabled) {
        this.enabled = enabled;
        this.clock = clock;
        this.queue = queue;
        this.catalog = catalog;
        this.workflows = workflows;
        this.records = records;
        this.tasks = tasks;
        this.assigner = assigner;
        this.events = events;
    }

    /** Fires what is due at {@code now} until nothing is left (tests call it with their own clock); returns how many. */
    int fireAllDue(Instant now) {
        int total = 0;
        int fired;
        do {
            fired = queue.fireDue(now, BATCH, this::fire);
            total += fired;
        } while (fired == BATCH);
        return total;
    }

    /**
     * The poller: once a second, so a timer fires within about a second of falling due. Off with
     * {@code kehu.workflow.timers.poll=false} (the tests fire timers themselves, at the instants they choose).
     */
    @Scheduled(fixedDelayString = "${kehu.workflow.timers.poll-interval:PT1S}",
            initialDelayString = "${kehu.workflow.timers.poll-interval:PT1S}")
    void poll() {
        if (!enabled) {
            return;
        }
        try {
            fireAllDue(clock.now());
        } catch (RuntimeException e) {
            log.warn("Workflow timers could not be polled; trying again", e);
        }
    }

    void fire(DueTimer timer) {
        WorkflowDefinition workflow = catalog.forForm(timer.formId())
                .filter(w -> w.id().equals(timer.workflowId())).orElse(null);
        if (workflow == null) {
            return; // the workflow was withdrawn: nothing left to do
        }
        Optional<Record> record = records.get(TIMERS, timer.formId(), timer.recordId());
        if (record.isEmpty() || record.get().deleted()) {
            return;
        }
        String state = String.valueOf(record.get().get(workflow.statusField()));
        switch (timer.kind()) {
            case StateClocks.STEP -> step(workflow, timer, record.get(), state);
            case StateClocks.SLA_REMIND -> remind(workflow, timer, record.get(), state);
            case StateClocks.SLA_BREACH -> breach(workflow, timer, record.get(), state);
            default -> log.warn("Unknown workflow timer kind {} (timer {}), dropped", timer.kind(), timer.id());
        }
    }

    private void step(WorkflowDefinition workflow, DueTimer timer, Record record, String state) {
        workflow.timers().stream().filter(t -> t.id().equals(timer.subject()) && t.state().equals(state))
                .findFirst()
                .ifPresent(t -> workflows.takeScheduledStep(workflow, t, record));
    }

    private void remind(WorkflowDefinition workflow, DueTimer timer, Record record, String state) {
        WorkflowState current = workflow.state(state).orElse(null);
        if (current == null || !state.equals(timer.subject())) {
            return;
        }
        Set<Long> people = workingOn(workflow, record, state);
        if (people.isEmpty()) {
            people = assigner.managers();
        }
        events.publishEvent(new WorkflowNotice(WorkflowNotice.Kind.DEADLINE_NEAR, record.formId(), record.id(),
                workflow.id(), people, WorkflowTexts.text("notice.deadlineNear", current.label())));
    }

    private void breach(WorkflowDefinition workflow, DueTimer timer, Record record, String state) {
        WorkflowState current = workflow.state(state).orElse(null);
        if (current == null || current.sla() == null || !state.equals(timer.subject())) {
            return;
        }
        Set<Sla.Breach> onBreach = current.sla().onBreach();
        Instant now = clock.now();
        List<Long> responsible = responsible(workflow, record);
        Optional<Long> teamManager = assigner.managerOf(responsible);
        if (onBreach.contains(Sla.Breach.REASSIGN_TO_MANAGER)) {
            // The manager of whoever has the work (the task's holder, else the owner, else the creator); when they
            // have none, the least busy manager, and the task says so.
            Long manager = teamManager.or(assigner::leastBusyManager).orElse(null);
            if (manager != null) {
                String warning = teamManager.isPresent() ? TaskStore.OVERDUE_REASSIGNED : TaskStore.OVERDUE_NO_MANAGER;
                LocalizedText title = WorkflowTexts.text("task.overdueTitle", current.label());
                if (tasks.reassignOpen(record.formId(), record.id(), state, manager, warning) == 0) {
                    tasks.create(new TaskStore.NewTask(record.formId(), record.id(), workflow.id(), "overdue", state,
                            title, manager, now, now, warning));
                }
                events.publishEvent(new WorkflowNotice(WorkflowNotice.Kind.TASK_ASSIGNED, record.formId(),
                        record.id(), workflow.id(), Set.of(manager), title));
            }
        }
        Set<Long> told = new LinkedHashSet<>(workingOn(workflow, record, state));
        if (onBreach.contains(Sla.Breach.NOTIFY_MANAGER) || told.isEmpty()) {
            // Their manager; every manager only when nobody on the record has one.
            told.addAll(teamManager.map(Set::of).orElseGet(assigner::managers));
        }
        events.publishEvent(new WorkflowNotice(WorkflowNotice.Kind.DEADLINE_MISSED, record.formId(), record.id(),
                workflow.id(), told, WorkflowTexts.text("notice.deadlineMissed", current.label())));
    }

    /**
     * Who answers for the record, most directly first: the holders of its open tasks, its owner, its creator.
     */
    private List<Long> responsible(WorkflowDefinition workflow, Record record) {
        List<Long> people = new java.util.ArrayList<>();
        tasks.ofRecord(record.formId(), record.id()).stream()
                .filter(t -> t.status() == WorkflowTask.Status.OPEN)
                .forEach(t -> people.add(t.assigneeId()));
        String ownerField = workflows.ownerField(workflow);
        if (ownerField != null && record.get(ownerField) instanceof Number owner) {
            people.add(owner.longValue());
        }
        if (record.createdBy() != null) {
            people.add(record.createdBy());
        }
        return people;
    }

    /** The record's owner and the holders of its open tasks in {@code state}. */
    private Set<Long> workingOn(WorkflowDefinition workflow, Record record, String state) {
        Set<Long> people = new LinkedHashSet<>();
        String ownerField = workflows.ownerField(workflow);
        if (ownerField != null && record.get(ownerField) instanceof Number owner) {
            people.add(owner.longValue());
        }
        tasks.ofRecord(record.formId(), record.id()).stream()
                .filter(t -> t.status() == WorkflowTask.Status.OPEN)
                .forEach(t -> people.add(t.assigneeId()));
        return people;
    }
}
