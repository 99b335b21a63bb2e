package io.kehu.platform.metrics.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.kehu.platform.metrics.MetricDefinition;
import io.kehu.platform.metrics.MetricSnapshot;
import io.kehu.platform.metrics.Period;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/** The stored snapshots ({@code kehu_metric_snapshot}, V13): one per metric, version, period and time zone. */
@org.springframework.stereotype.Repository
public class SnapshotStore {

    // qualified names: H2 runs ON CONFLICT as a MERGE, where bare column names would be ambiguous
    private static final Table<Record> SNAPSHOT = table(name("kehu_metric_snapshot"));
    private static final Field<String> METRIC_ID = field(name("kehu_metric_snapshot", "metric_id"), String.class);
    private static final Field<Integer> VERSION = field(name("kehu_metric_snapshot", "metric_version"), Integer.class);
    private static final Field<LocalDate> START = field(name("kehu_metric_snapshot", "period_start"), LocalDate.class);
    private static final Field<LocalDate> END = field(name("kehu_metric_snapshot", "period_end"), LocalDate.class);
    private static final Field<String> ZONE = field(name("kehu_metric_snapshot", "time_zone"), String.class);
    private static final Field<BigDecimal> VALUE = field(name("kehu_metric_snapshot", "metric_value"), BigDecimal.class);
    private static final Field<Long> N = field(name("kehu_metric_snapshot", "n"), Long.class);
    private static final Field<OffsetDateTime> TAKEN_AT = field(name("kehu_metric_snapshot", "taken_at"), OffsetDateTime.class);

    private final DSLContext dsl;

    public SnapshotStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<MetricSnapshot> find(MetricDefinition metric, Period period, ZoneId zone) {
        return dsl.select(VALUE, N, TAKEN_AT).from(SNAPSHOT).where(key(metric, period, zone)).fetchOptional()
                .map(r -> new MetricSnapshot(metric.id(), metric.version(), period,
                        r.get(VALUE) == null ? null : r.get(VALUE).stripTrailingZeros(), r.get(N), r.get(TAKEN_AT)));
    }

    /** A snapshot's metric (id and version) and period. */
    public record Key(String metricId, int version, Period period) {

        public Key(MetricDefinition metric, Period period) {
            this(metric.id(), metric.version(), period);
        }
    }

    /** The stored snapshots of {@code keys} in {@code zone}, in one query; keys without one are missing. */
    public java.util.Map<Key, MetricSnapshot> findAll(java.util.Collection<Key> keys, ZoneId zone) {
        java.util.Map<Key, MetricSnapshot> found = new java.util.HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        java.util.Set<Key> wanted = new java.util.HashSet<>(keys);
        java.util.Set<String> ids = new java.util.HashSet<>();
        LocalDate from = null;
        LocalDate to = null;
        for (Key k : keys) {
            ids.add(k.metricId());
            from = from == null || k.period().start().isBefore(from) ? k.period().start() : from;
            to = to == null || k.period().end().isAfter(to) ? k.period().end() : to;
        }
        // one range query over the metrics' snapshots, the exact keys picked here
        dsl.select(METRIC_ID, VERSION, START, END, VALUE, N, TAKEN_AT).from(SNAPSHOT)
                .where(METRIC_ID.in(ids).and(ZONE.eq(zone.getId())).and(START.ge(from)).and(END.le(to)))
                .forEach(r -> {
                    Key key = new Key(r.get(METRIC_ID), r.get(VERSION), new Period(r.get(START), r.get(END)));
                    if (wanted.contains(key)) {
                        found.put(key, new MetricSnapshot(key.metricId(), key.version(), key.period(),
                                r.get(VALUE) == null ? null : r.get(VALUE).stripTrailingZeros(), r.get(N),
                                r.get(TAKEN_AT)));
                    }
                });
        return found;
    }

    /** Stores the snapshot unless one is there already (another node or view was first): the first one stays. */
    public MetricSnapshot store(MetricDefinition metric, Period period, ZoneId zone, BigDecimal value, long n) {
        // ON CONFLICT DO NOTHING (a MERGE on H2) rather than catching the duplicate: on PostgreSQL a failed insert
        // would abort the surrounding transaction
        // a figure such as 8800 comes stripped of trailing zeros (8.8E+3, precision 2): H2's MERGE casts the bind
        // value to that precision and refuses it, so a negative scale is written out first
        BigDecimal plain = value == null || value.scale() >= 0 ? value : value.setScale(0);
        dsl.insertInto(SNAPSHOT).set(METRIC_ID, metric.id()).set(VERSION, metric.version())
                .set(START, period.start()).set(END, period.end()).set(ZONE, zone.getId()).set(VALUE, plain)
                .set(N, n).set(TAKEN_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .onConflict(METRIC_ID, VERSION, START, END, ZONE).doNothing().execute();
        return find(metric, period, zone).orElseThrow();
    }

    private static Condition key(MetricDefinition metric, Period period, ZoneId zone) {
        return METRIC_ID.eq(metric.id()).and(VERSION.eq(metric.version())).and(START.eq(period.start()))
                .and(END.eq(period.end())).and(ZONE.eq(zone.getId()));
    }
}
