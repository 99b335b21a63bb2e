package io.kehu.platform.metrics.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.kehu.platform.metrics.MetricDefinition;
import io.kehu.platform.metrics.Period;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/** The KPI breaches found ({@code kehu_kpi_breach}, V29): one per metric, version, period and time zone. */
@org.springframework.stereotype.Repository
public class BreachStore {

    // qualified names: H2 runs ON CONFLICT as a MERGE, where bare column names would be ambiguous
    private static final Table<Record> BREACH = table(name("kehu_kpi_breach"));
    private static final Field<String> METRIC_ID = field(name("kehu_kpi_breach", "metric_id"), String.class);
    private static final Field<Integer> VERSION = field(name("kehu_kpi_breach", "metric_version"), Integer.class);
    private static final Field<LocalDate> START = field(name("kehu_kpi_breach", "period_start"), LocalDate.class);
    private static final Field<LocalDate> END = field(name("kehu_kpi_breach", "period_end"), LocalDate.class);
    private static final Field<String> ZONE = field(name("kehu_kpi_breach", "time_zone"), String.class);
    private static final Field<BigDecimal> VALUE = field(name("kehu_kpi_breach", "metric_value"), BigDecimal.class);
    private static final Field<Long> OWNER = field(name("kehu_kpi_breach", "owner_id"), Long.class);
    private static final Field<Long> TASK = field(name("kehu_kpi_breach", "task_id"), Long.class);
    private static final Field<OffsetDateTime> DETECTED_AT = field(name("kehu_kpi_breach", "detected_at"),
            OffsetDateTime.class);

    private final DSLContext dsl;

    public BreachStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Records the breach unless it is recorded already; true for the caller that recorded it (and so creates the
     * task). ON CONFLICT DO NOTHING rather than catching the duplicate: on PostgreSQL a failed insert would abort the
     * surrounding transaction.
     */
    public boolean claim(MetricDefinition metric, Period period, ZoneId zone, BigDecimal value, Long ownerId) {
        return dsl.insertInto(BREACH).set(METRIC_ID, metric.id()).set(VERSION, metric.version())
                .set(START, period.start()).set(END, period.end()).set(ZONE, zone.getId()).set(VALUE, value)
                .set(OWNER, ownerId).set(DETECTED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .onConflict(METRIC_ID, VERSION, START, END, ZONE).doNothing().execute() == 1;
    }

    public void taskCreated(MetricDefinition metric, Period period, ZoneId zone, long taskId) {
        dsl.update(BREACH).set(TASK, taskId).where(METRIC_ID.eq(metric.id()).and(VERSION.eq(metric.version()))
                .and(START.eq(period.start())).and(END.eq(period.end())).and(ZONE.eq(zone.getId()))).execute();
    }

    /** A recorded breach: its metric (id and version), period and time zone. */
    public record Recorded(String metricId, int version, Period period, ZoneId zone) {
    }

    /** The breach the task {@code taskId} was created for, if it was one. */
    public java.util.Optional<Recorded> byTask(long taskId) {
        return dsl.select(METRIC_ID, VERSION, START, END, ZONE).from(BREACH).where(TASK.eq(taskId)).fetchOptional()
                .map(r -> new Recorded(r.get(METRIC_ID), r.get(VERSION), new Period(r.get(START), r.get(END)),
                        ZoneId.of(r.get(ZONE))));
    }

    /** How many breaches of {@code metric} are recorded (for tests and the docs' checks). */
    public int count(MetricDefinition metric) {
        return dsl.fetchCount(BREACH, METRIC_ID.eq(metric.id()));
    }
}
