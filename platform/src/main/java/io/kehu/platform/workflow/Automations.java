package io.kehu.platform.workflow;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.kehu.platform.calendar.BusinessCalendars;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.records.BulkRecords;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordEvents;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.Records;
import io.kehu.platform.rules.RuleEngine;
import io.kehu.platform.security.Actor;
import io.kehu.platform.workflow.runtime.TaskAssigner;
import io.kehu.platform.workflow.runtime.TaskStore;
import io.kehu.platform.workflow.runtime.WorkflowCalendars;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs automations ({@link Automation}): on a record's save, inside the save's transaction, and once a day from
 * their time of day, over the form's live records. For each record the condition holds for — and that the
 * automation has not acted on within its {@code once} period — the actions run as the platform: {@code setField}
 * through the one write path, {@code createTask} to the user the rule picks (a manager when nobody qualifies),
 * {@code notify}. A daily run is claimed by inserting its day, so with two nodes one runs it; each record's actions
 * commit on their own, so one refused record does not undo the others.
 *
 * <p>An automation's own writes do not trigger automations again (no loops).
 */
@Service
public class Automations {

    private static final Logger log = LoggerFactory.getLogger(Automations.class);
    private static final Actor AUTOMATION = Actor.system("automation");
    private static final ThreadLocal<Boolean> ACTING = ThreadLocal.withInitial(() -> false);

    private static final Table<org.jooq.Record> DAY = table(name("kehu_automation_day"));
    private static final Table<org.jooq.Record> FIRED = table(name("kehu_automation_fired"));
    private static final Field<String> AUTOMATION_ID = field(name("automation_id"), String.class);
    private static final Field<LocalDate> RUN_DATE = field(name("run_date"), LocalDate.class);
    private static final Field<OffsetDateTime> STARTED_AT = field(name("started_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> FINISHED_AT = field(name("finished_at"), OffsetDateTime.class);
    private static final Field<Integer> MATCHED = field(name("matched"), Integer.class);
    private static final Field<Integer> FAILED = field(name("failed"), Integer.class);
    private static final Field<Long> RECORD_ID = field(name("record_id"), Long.class);
    private static final Field<OffsetDateTime> FIRED_AT = field(name("fired_at"), OffsetDateTime.class);

    private final WorkflowCatalog catalog;
    private final FormCatalog forms;
    private final Records records;
    private final BulkRecords bulk;
    private final RuleEngine rules;
    private final TaskStore tasks;
    private final TaskAssigner assigner;
    private final ApplicationEventPublisher events;
    private final DSLContext dsl;
    private final TransactionTemplate ownTransaction;
    private final ZoneId zone;
    private final boolean enabled;
    private final Clock clock = Clock.systemUTC();
    private final RecordActions recordActions;

    Automations(WorkflowCatalog catalog, FormCatalog forms, Records records, BulkRecords bulk, RuleEngine rules,
            TaskStore tasks, TaskAssigner assigner, ApplicationEventPublisher events, DSLContext dsl,
            PlatformTransactionManager transactions, WorkflowCalendars calendars,
            @Value("${kehu.workflow.timers.poll:true}") boolean enabled, RecordActions recordActions) {
        this.recordActions = recordActions;
        this.catalog = catalog;
        this.forms = forms;
        this.records = records;
        this.bulk = bulk;
        this.rules = rules;
        this.tasks = tasks;
        this.assigner = assigner;
        this.events = events;
        this.dsl = dsl;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // Daily times are the company's: the shipped calendar's zone (Asia/Shanghai).
        this.zone = BusinessCalendars.chinaMainland().zone();
        this.enabled = enabled;
    }

    @EventListener
    void saved(RecordEvents.Saved saved) {
        if (ACTING.get()) {
            return;
        }
        for (Automation automation : catalog.automationsFor(saved.formId())) {
            boolean fits = automation.trigger() == Automation.Trigger.SAVED
                    || automation.trigger() == Automation.Trigger.CREATED && saved.created();
            if (fits) {
                records.get(AUTOMATION, saved.formId(), saved.id())
                        .ifPresent(record -> consider(automation, form(automation), record, clock.instant()));
            }
        }
    }

    /** Once a minute: runs the daily automations whose time of day has come and that have not run today. */
    @Scheduled(fixedDelayString = "${kehu.workflow.automations.poll-interval:PT1M}", initialDelay = 30_000)
    void poll() {
        if (!enabled) {
            return;
        }
        try {
            runDue(clock.instant());
        } catch (RuntimeException e) {
            log.warn("Daily automations could not run; trying again in a minute", e);
        }
    }

    /** Runs the daily automations due at {@code now} that no node has run today; returns how many ran. */
    public int runDue(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        int ran = 0;
        for (Automation automation : catalog.automations()) {
            if (automation.trigger() == Automation.Trigger.DAILY
                    && !now.atZone(zone).toLocalTime().isBefore(automation.at()) && claim(automation, today, now)) {
                runDaily(automation, today, now);
                ran++;
            }
        }
        return ran;
    }

    /**
     * Runs a daily automation over every live record of its form now, whatever the day's claim (tests, and an admin's
     * "run now"); returns how many records it acted on.
     */
    public int runDaily(Automation automation, LocalDate today, Instant now) {
        FormDefinition form = form(automation);
        List<Long> matching = new ArrayList<>();
        bulk.forEach(AUTOMATION, RecordQuery.of(form.id()), List.of(), record -> {
            if (holds(automation, form, record)) {
                matching.add(record.id());
            }
        });
        int acted = 0;
        int failed = 0;
        for (long id : matching) {
            try {
                Boolean done = ownTransaction.execute(status -> records.get(AUTOMATION, form.id(), id)
                        .map(record -> act(automation, form, record, now)).orElse(false));
                acted += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (RuntimeException e) {
                failed++;
                log.warn("Automation {} could not act on {} {}: {}", automation.id(), form.id(), id, e.getMessage());
            }
        }
        dsl.update(DAY).set(FINISHED_AT, utc(clock.instant())).set(MATCHED, matching.size()).set(FAILED, failed)
                .where(AUTOMATION_ID.eq(automation.id()).and(RUN_DATE.eq(today))).execute();
        log.info("Automation {} on {}: {} record(s) matched, acted on {}, {} failed", automation.id(), today,
                matching.size(), acted, failed);
        return acted;
    }

    private void consider(Automation automation, FormDefinition form, Record record, Instant now) {
        if (holds(automation, form, record)) {
            act(automation, form, record, now);
        }
    }

    private boolean holds(Automation automation, FormDefinition form, Record record) {
        return automation.when() == null || rules.holds(form, automation.when(), record.values().asMap(),
                Optional.of(record), AUTOMATION, "automation " + automation.id());
    }

    /** Acts on one record unless it acted within {@code once}; returns whether it did. */
    private boolean act(Automation automation, FormDefinition form, Record record, Instant now) {
        if (automation.once() != null && actedSince(automation, record.id(), now.minus(automation.once()))) {
            return false;
        }
        ACTING.set(true);
        try {
            Map<String, Object> changes = new HashMap<>();
            WhoMayAct.RecordFacts facts = new WhoMayAct.RecordFacts(record::get, form.ownerField(),
                    record.createdBy(), script -> rules.holds(form, script, record.values().asMap(),
                            Optional.of(record), AUTOMATION, automation.id() + " / when"));
            String source = "automation:" + automation.id();
            for (WorkflowAction action : automation.actions()) {
                switch (action) {
                    case WorkflowAction.SetField set ->
                            changes.put(set.field(), TransitionChecks.value(set, AUTOMATION, now, zone));
                    case WorkflowAction.CreateTask task -> {
                        // Only someone who can open the record gets it (the check a hand-off makes too).
                        TaskAssigner.Choice choice = assigner.choose(task.assignee(), facts,
                                user -> records.get(Actor.of(user), form.id(), record.id()).isPresent(), Set.of());
                        Instant due = task.due() == null ? null : now.plus(task.due());
                        tasks.create(new TaskStore.NewTask(form.id(), record.id(), source, task.kind(),
                                TaskStore.ANY_STATE, task.title(), choice.userId(), due, now, choice.warningCode()));
                        events.publishEvent(new WorkflowNotice(WorkflowNotice.Kind.TASK_ASSIGNED, form.id(),
                                record.id(), source, Set.of(choice.userId()), task.title()));
                    }
                    case WorkflowAction.Notify notify -> events.publishEvent(new WorkflowNotice(
                            WorkflowNotice.Kind.MESSAGE, form.id(), record.id(), source,
                            notify.recipients() == null ? Set.of() : assigner.everyone(notify.recipients(), facts),
                            notify.message(), notify.webhook()));
                    default -> recordActions.run(action, form, record, AUTOMATION, automation.label(), source,
                            "automation " + automation.id());
                }
            }
            if (!changes.isEmpty()) {
                records.update(AUTOMATION, form.id(), record.id(), record.rowVersion(), changes);
            }
            remember(automation, record.id(), now);
            return true;
        } finally {
            ACTING.set(false);
        }
    }

    private boolean actedSince(Automation automation, long recordId, Instant since) {
        return dsl.fetchExists(FIRED, AUTOMATION_ID.eq(automation.id()).and(RECORD_ID.eq(recordId))
                .and(FIRED_AT.gt(utc(since))));
    }

    private void remember(Automation automation, long recordId, Instant now) {
        int updated = dsl.update(FIRED).set(FIRED_AT, utc(now))
                .where(AUTOMATION_ID.eq(automation.id()).and(RECORD_ID.eq(recordId))).execute();
        if (updated == 0) {
            dsl.insertInto(FIRED).columns(AUTOMATION_ID, RECORD_ID, FIRED_AT)
                    .values(automation.id(), recordId, utc(now)).execute();
        }
    }

    /** Claims today's run of {@code automation} for this node; false when it ran (or runs) already. */
    private boolean claim(Automation automation, LocalDate today, Instant now) {
        Condition day = AUTOMATION_ID.eq(automation.id()).and(RUN_DATE.eq(today));
        if (dsl.fetchExists(DAY, day)) {
            return false;
        }
        try {
            // Two nodes passing the check at once: the primary key lets one insert through.
            return dsl.insertInto(DAY).columns(AUTOMATION_ID, RUN_DATE, STARTED_AT)
                    .values(automation.id(), today, utc(now)).execute() == 1;
        } catch (DataIntegrityViolationException | IntegrityConstraintViolationException other) {
            return false;
        }
    }

    private FormDefinition form(Automation automation) {
        return forms.published(automation.form())
                .orElseThrow(() -> new IllegalStateException("Automation on unpublished form " + automation.form()));
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
