package io.kehu.platform.metrics.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.kehu.platform.forms.FieldType;
import io.kehu.platform.metrics.MetricDefinition;
import io.kehu.platform.metrics.MetricSnapshot;
import io.kehu.platform.metrics.MetricValue;
import io.kehu.platform.metrics.Period;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * The stored snapshots ({@code kehu_metric_snapshot}, V13, V36): one per metric, version, period and time zone — and,
 * for a grouped figure, one per group besides a marker row that says the period's groups were stored.
 */
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
    private static final Field<String> GROUP_KEY = field(name("kehu_metric_snapshot", "group_key"), String.class);
    /** The group key of an ungrouped figure. */
    private static final String UNGROUPED = "";
    /** The group key of the row that says a period's groups were stored (its n: how many). */
    private static final String GROUPS_STORED = "#";
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private final DSLContext dsl;

    public SnapshotStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<MetricSnapshot> find(MetricDefinition metric, Period period, ZoneId zone) {
        return dsl.select(VALUE, N, TAKEN_AT).from(SNAPSHOT).where(key(metric, period, zone))
                .and(GROUP_KEY.eq(UNGROUPED)).fetchOptional()
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
                .and(GROUP_KEY.eq(UNGROUPED))
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
                .set(N, n).set(TAKEN_AT, OffsetDateTime.now(ZoneOffset.UTC)).set(GROUP_KEY, UNGROUPED)
                .onConflict(METRIC_ID, VERSION, START, END, ZONE, GROUP_KEY).doNothing().execute();
        return find(metric, period, zone).orElseThrow();
    }

    /** A grouped figure's stored group: its values (typed as the metric's group fields) and its snapshot. */
    public record Group(List<Object> groups, MetricSnapshot snapshot) {
    }

    /**
     * The stored groups of grouped figures for {@code keys} in {@code zone}, in one query: a key whose period's groups
     * were stored maps to them (possibly none: a period without records); keys never stored are missing.
     */
    public Map<Key, List<Group>> findGrouped(Collection<Key> keys, Map<String, List<FieldType>> groupTypes,
                                             ZoneId zone) {
        Map<Key, List<Group>> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        Set<Key> wanted = new HashSet<>(keys);
        Set<String> ids = new HashSet<>();
        LocalDate from = null;
        LocalDate to = null;
        for (Key k : keys) {
            ids.add(k.metricId());
            from = from == null || k.period().start().isBefore(from) ? k.period().start() : from;
            to = to == null || k.period().end().isAfter(to) ? k.period().end() : to;
        }
        Map<Key, List<Group>> rows = new HashMap<>();
        dsl.select(METRIC_ID, VERSION, START, END, VALUE, N, TAKEN_AT, GROUP_KEY).from(SNAPSHOT)
                .where(METRIC_ID.in(ids).and(ZONE.eq(zone.getId())).and(START.ge(from)).and(END.le(to)))
                .and(GROUP_KEY.ne(UNGROUPED))
                .orderBy(GROUP_KEY)
                .forEach(r -> {
                    Key key = new Key(r.get(METRIC_ID), r.get(VERSION), new Period(r.get(START), r.get(END)));
                    if (!wanted.contains(key)) {
                        return;
                    }
                    if (GROUPS_STORED.equals(r.get(GROUP_KEY))) {
                        found.put(key, rows.computeIfAbsent(key, k -> new ArrayList<>()));
                        return;
                    }
                    MetricSnapshot snapshot = new MetricSnapshot(key.metricId(), key.version(), key.period(),
                            r.get(VALUE) == null ? null : r.get(VALUE).stripTrailingZeros(), r.get(N),
                            r.get(TAKEN_AT));
                    rows.computeIfAbsent(key, k -> new ArrayList<>()).add(new Group(
                            groups(r.get(GROUP_KEY), groupTypes.get(key.metricId())), snapshot));
                });
        return found;
    }

    /**
     * Stores a closed period's groups (value and n per group) unless another node or view was first; the marker row
     * goes last, so a reader that finds it finds every group.
     */
    public void storeGrouped(MetricDefinition metric, Period period, ZoneId zone, Map<List<Object>, MetricValue> groups) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (Map.Entry<List<Object>, MetricValue> group : groups.entrySet()) {
            BigDecimal value = group.getValue().value();
            BigDecimal plain = value == null || value.scale() >= 0 ? value : value.setScale(0);
            insert(metric, period, zone, plain, group.getValue().n(), now, key(group.getKey()));
        }
        insert(metric, period, zone, null, groups.size(), now, GROUPS_STORED);
    }

    private void insert(MetricDefinition metric, Period period, ZoneId zone, BigDecimal value, long n,
                        OffsetDateTime now, String groupKey) {
        dsl.insertInto(SNAPSHOT).set(METRIC_ID, metric.id()).set(VERSION, metric.version())
                .set(START, period.start()).set(END, period.end()).set(ZONE, zone.getId()).set(VALUE, value)
                .set(N, n).set(TAKEN_AT, now).set(GROUP_KEY, groupKey)
                .onConflict(METRIC_ID, VERSION, START, END, ZONE, GROUP_KEY).doNothing().execute();
    }

    /** A group's values as the stored key: a JSON array ({@code ["high"]}, {@code [12, null]}). */
    static String key(List<Object> groups) {
        return JSON.writeValueAsString(groups);
    }

    /** A stored key's values, typed as the aggregation gives them: users and records as Long, yes/no as Boolean. */
    static List<Object> groups(String key, List<FieldType> types) {
        List<Object> values = new ArrayList<>();
        tools.jackson.databind.JsonNode array = JSON.readTree(key);
            for (int i = 0; i < array.size(); i++) {
                tools.jackson.databind.JsonNode v = array.get(i);
                FieldType type = types == null || i >= types.size() ? null : types.get(i);
                values.add(v.isNull() ? null : type == FieldType.USER || type == FieldType.REFERENCE
                        ? (Object) v.asLong() : type == FieldType.BOOLEAN ? (Object) v.asBoolean()
                        : type == FieldType.RATING ? (Object) v.asInt() : type == FieldType.INTEGER ? (Object) v.asLong()
                        : v.isString() ? v.asString() : v.toString());
            }
            return values;
    }

    private static Condition key(MetricDefinition metric, Period period, ZoneId zone) {
        return METRIC_ID.eq(metric.id()).and(VERSION.eq(metric.version())).and(START.eq(period.start()))
                .and(END.eq(period.end())).and(ZONE.eq(zone.getId()));
    }
}
