package io.kehu.platform.metrics;

import io.kehu.platform.forms.FormTables;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.metrics.MetricDefinition.Direction;
import io.kehu.platform.metrics.internal.BreachStore;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.workflow.Workflows;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * KPI targets with owners: when the last closed period of a metric's grain (last month for a monthly metric) misses
 * the target — judged on the period's snapshot, the figure as reported — the target's owner gets a task (待办)
 * through the workflow engine ({@link Workflows#createTask}), once per metric version, period and time zone however
 * often and on however many nodes this runs ({@code kehu_kpi_breach}). A task is about a record, so it is attached to
 * the latest record behind the figure (what the owner opens first); a breach with no record behind it (a count of
 * 0 under an "at least") is recorded without a task and logged. Opening the task lists the period's records behind
 * the figure ({@link #recordsBehind}).
 */
@Service
public class KpiBreaches {

    /** The task kind (inbox filter) and the source the tasks are created for. */
    public static final String KIND = "kpi_breach";
    private static final String SOURCE = "metrics:kpi";
    private static final Logger log = LoggerFactory.getLogger(KpiBreaches.class);

    private final Metrics metrics;
    private final Records records;
    private final Workflows workflows;
    private final UserAccounts accounts;
    private final BreachStore breaches;

    KpiBreaches(Metrics metrics, Records records, Workflows workflows, UserAccounts accounts,
                BreachStore breaches) {
        this.metrics = metrics;
        this.records = records;
        this.workflows = workflows;
        this.accounts = accounts;
        this.breaches = breaches;
    }

    /** A breach found and recorded by this call. */
    public record Breach(MetricDefinition metric, Period period, BigDecimal value, Long taskId) {
    }

    /** Checks the shipped metrics every hour, in the server's time zone. */
    @Scheduled(fixedDelayString = "${kehu.metrics.kpi-check-interval:PT1H}", initialDelay = 90_000)
    public void checkShipped() {
        ZoneId zone = ZoneId.systemDefault();
        check(metrics.definitions(), LocalDate.now(zone), zone);
    }

    /**
     * Checks {@code definitions} (those with a target, an owner and a time field) on the period of their grain that
     * ended last before {@code today}; returns the breaches recorded now (none for ones recorded before).
     */
    @Transactional
    public List<Breach> check(List<MetricDefinition> definitions, LocalDate today, ZoneId zone) {
        List<Breach> found = new ArrayList<>();
        for (MetricDefinition metric : definitions) {
            if (metric.target() == null || metric.target().owner() == null || metric.time() == null) {
                continue;
            }
            Period period = Period.of(today, metric.time().grain()).previous();
            Actor job = Actor.system("kpi-targets");
            BigDecimal value = metrics.snapshot(job, metric, period, zone, today).map(MetricSnapshot::value)
                    .orElse(null);
            if (value == null || metric.target().metBy(value)) {
                continue; // no figure (no records, or too few for a percentage) cannot miss a target
            }
            Optional<UserAccount> owner = accounts.findByUsername(metric.target().owner());
            if (!breaches.claim(metric, period, zone, value, owner.map(UserAccount::id).orElse(null))) {
                continue;
            }
            Long taskId = null;
            Optional<Record> subject = latestBehind(job, metric, period, zone);
            if (owner.isPresent() && subject.isPresent()) {
                taskId = workflows.createTask(job, SOURCE, metric.form(), subject.get().id(), KIND,
                        title(metric, period, value), owner.get().id(), null);
                breaches.taskCreated(metric, period, zone, taskId);
            } else {
                log.warn("KPI {} missed its target in {} ({}), but no task was created: {}", metric.id(), period,
                        value, owner.isEmpty() ? "no user " + metric.target().owner() : "no record behind it");
            }
            found.add(new Breach(metric, period, value, taskId));
        }
        return found;
    }

    /** The list of the records behind a breached figure: its form and the list-view filters of the period. */
    public record RecordsBehind(String formId, List<RecordQuery.Filter> filters) {
    }

    /**
     * The records behind the figure that task {@code taskId} was created for — the period's drill-through list, as the
     * dashboard's card of that period links to it — if the task is a KPI breach's and its metric is still in force in
     * the version that was judged (a changed definition would list other records).
     */
    public Optional<RecordsBehind> recordsBehind(long taskId) {
        return breaches.byTask(taskId).flatMap(b -> metrics.definition(b.metricId())
                .filter(m -> m.version() == b.version() && m.time() != null)
                .map(m -> new RecordsBehind(m.form(), metrics.drill(new MetricRequest(m, List.of(b.period()), false),
                        0, List.of(), b.zone()).nDrill())));
    }

    /** The latest record of those the figure is computed from (its n's drill-through), if any. */
    private Optional<Record> latestBehind(Actor job, MetricDefinition metric, Period period, ZoneId zone) {
        MetricValue now = metrics.compute(job, new MetricRequest(metric, List.of(period), false), zone).value(0);
        if (now.nDrill() == null) {
            return Optional.empty();
        }
        RecordQuery query = RecordQuery.of(metric.form()).sortBy(RecordQuery.Sort.desc(FormTables.CREATED_AT))
                .page(0, 1);
        for (var filter : now.nDrill()) {
            query = query.where(filter);
        }
        return records.query(job, query).stream().findFirst();
    }

    /** 指标未达标：投诉解决率 2026-11-01 至 2026-11-30 为 80%，目标 ≥ 90% — in both languages. */
    static LocalizedText title(MetricDefinition metric, Period period, BigDecimal value) {
        String sign = metric.target().direction() == Direction.AT_LEAST ? "≥" : "≤";
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        return LocalizedText.of(
                "指标未达标：" + metric.label().zh() + " " + period.start() + " 至 " + period.lastDay() + " 为 "
                        + UnitFormat.format(metric.unit(), value, zh) + "，目标 " + sign + " "
                        + UnitFormat.format(metric.unit(), metric.target().value(), zh),
                "KPI missed: " + metric.label().en() + " " + period.start() + " – " + period.lastDay() + " was "
                        + UnitFormat.format(metric.unit(), value, Locale.ENGLISH) + ", target " + sign + " "
                        + UnitFormat.format(metric.unit(), metric.target().value(), Locale.ENGLISH));
    }
}
