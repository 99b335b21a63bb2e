package io.kehu.plugins.survey;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.AggregateRow;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.PluginRecords;
import io.kehu.sdk.records.RecordAggregate;
import io.kehu.sdk.records.RecordData;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Daily totals of the responses (form {@code survey_rollup}), so the analytics of a year with a million answers add
 * up a few thousand stored rows instead of aggregating every response again. A closed day (before today) is totalled
 * once, by the nightly job {@link RollupJob}: per survey and campaign in all ({@code total}) and per tier, account
 * manager, handler and channel when answering, as the additive {@link ScoreSums}; a row of kind {@code day} marks the
 * day as totalled. Reading a period takes the totals of its totalled days and aggregates the rest (today, days not
 * totalled yet) live, so a figure is always complete.
 *
 * <p>Sound because the totals are kept true: any write of a response (new, changed, deleted or restored, through the
 * record API) drops the totals of the days it touches in the same transaction ({@link RollupInvalidation}), and those
 * days are read live until the job totals them again. Responses have no owner field, so everyone who may read them
 * sees all of them: the totals hide nothing from their readers.
 */
final class Rollups {

    static final String FORM = "survey_rollup";
    static final String DAY = "day";
    static final String TOTAL = "total";
    /** The response fields broken down by, each stored as its own kind of daily total. */
    static final List<String> GROUP_FIELDS = List.of("customer_tier", "customer_owner", "handler", "channel");

    private static final String[] MEASURED = {"responses", "rated", "top_two", "nps_n", "promoters", "detractors"};

    private final PluginRecords records;
    private final ZoneId zone;

    Rollups(PluginRecords records, ZoneId zone) {
        this.records = records;
        this.zone = zone;
    }

    static String sumField(Dimension d) {
        return "sum_" + d.scoreField().substring("score_".length());
    }

    static String nField(Dimension d) {
        return "n_" + d.scoreField().substring("score_".length());
    }

    /** A period split into its totalled days (one span, maybe with holes) and the spans to aggregate live. */
    record Coverage(boolean any, List<ResultsBreakdown.Period> live) {
    }

    /** Which days of {@code period} are totalled; the rest is to be read live (one query per hole). */
    Coverage coverage(ResultsBreakdown.Period period) {
        List<RecordData> days = new ArrayList<>();
        records.search(FORM).fields("day_start", "day_end").where("kind", FilterOperator.EQUALS, DAY)
                .where("day_start", FilterOperator.GREATER_OR_EQUAL, period.from())
                .where("day_end", FilterOperator.LESS_OR_EQUAL, period.to()).forEach(days::add);
        // forEach streams in id order (a day totalled again comes last): in time order for the holes
        days.sort(java.util.Comparator.comparing(d -> time(d.get("day_start"))));
        List<ResultsBreakdown.Period> live = new ArrayList<>();
        OffsetDateTime cursor = period.from();
        for (RecordData day : days) {
            OffsetDateTime start = time(day.get("day_start"));
            if (start.isAfter(cursor)) {
                live.add(new ResultsBreakdown.Period(cursor, start));
            }
            OffsetDateTime end = time(day.get("day_end"));
            if (end.isAfter(cursor)) {
                cursor = end;
            }
        }
        if (cursor.isBefore(period.to())) {
            live.add(new ResultsBreakdown.Period(cursor, period.to()));
        }
        return new Coverage(!days.isEmpty(), live);
    }

    /**
     * The stored totals of the totalled days of {@code period} (one aggregate over the daily totals) of one kind,
     * grouped by {@code groupBy} ({@code group_key}, {@code month} or nothing), of a survey and/or campaign (null:
     * all).
     */
    Map<Object, ScoreSums> totals(String kind, ResultsBreakdown.Period period, String survey, String campaign,
            String groupBy) {
        RecordAggregate aggregate = records.aggregate(FORM).where("kind", FilterOperator.EQUALS, kind)
                .where("day_start", FilterOperator.GREATER_OR_EQUAL, period.from())
                .where("day_end", FilterOperator.LESS_OR_EQUAL, period.to());
        if (survey != null) {
            aggregate.where("survey", FilterOperator.EQUALS, survey);
        }
        if (campaign != null) {
            aggregate.where("campaign", FilterOperator.EQUALS, campaign);
        }
        if (groupBy != null) {
            aggregate.groupBy(groupBy);
        }
        Map<Object, ScoreSums> out = new LinkedHashMap<>();
        measures(aggregate).forEach(row -> out.merge(groupBy == null ? TOTAL : nullKey(row.group(groupBy)),
                ScoreSums.ofTotals(row), ScoreSums::plus));
        return out;
    }

    /** The key under which a group without a value is merged (maps do not mind null, but merge does). */
    static final Object NO_KEY = new Object() {
        @Override
        public String toString() {
            return "(none)";
        }
    };

    private static Object nullKey(Object key) {
        return key == null ? NO_KEY : key;
    }

    static RecordAggregate measures(RecordAggregate aggregate) {
        for (String m : MEASURED) {
            aggregate.sum(m);
        }
        for (Dimension d : Dimension.values()) {
            aggregate.sum(sumField(d)).sum(nField(d));
        }
        return aggregate;
    }

    /** What a build did. */
    record Built(int days, int rows) {
    }

    /**
     * Totals every closed day (before {@code today} in the zone) since the first response that is not totalled yet:
     * per day one aggregate of its responses by survey, campaign and the four group fields, then one batch (the day's
     * mark and its rows, all or nothing). Run by the plugin itself ({@link PluginContext#records()}).
     */
    static Built build(PluginContext context, ZoneId zone, LocalDate today, BooleanSupplier cancelled) {
        PluginRecords records = context.records();
        Object first = records.aggregate(SurveyForms.RESPONSE).min("answered_at").list().getFirst()
                .min("answered_at");
        if (first == null) {
            return new Built(0, 0);
        }
        LocalDate from = time(first).atZoneSameInstant(zone).toLocalDate();
        if (!from.isBefore(today)) {
            return new Built(0, 0);
        }
        Set<String> done = new HashSet<>();
        records.search(FORM).fields("day_key").where("kind", FilterOperator.EQUALS, DAY)
                .where("day_start", FilterOperator.GREATER_OR_EQUAL, from.atStartOfDay(zone).toOffsetDateTime())
                .forEach(r -> done.add((String) r.get("day_key")));
        int days = 0;
        int rows = 0;
        for (LocalDate day = from; day.isBefore(today) && !cancelled.getAsBoolean(); day = day.plusDays(1)) {
            OffsetDateTime start = day.atStartOfDay(zone).toOffsetDateTime();
            if (done.contains(dayKey(start))) {
                continue;
            }
            rows += buildDay(records, zone, start, day.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
            days++;
        }
        return new Built(days, rows);
    }

    private static int buildDay(PluginRecords records, ZoneId zone, OffsetDateTime start, OffsetDateTime end) {
        // kind → (survey, campaign, group) → sums
        Map<String, Map<List<Object>, ScoreSums>> kinds = new LinkedHashMap<>();
        RecordAggregate live = records.aggregate(SurveyForms.RESPONSE)
                .where("answered_at", FilterOperator.GREATER_OR_EQUAL, start)
                .where("answered_at", FilterOperator.LESS, end)
                .groupBy("survey", "campaign", "customer_tier", "customer_owner", "handler", "channel");
        ScoreMeasures.onto(live).forEach(row -> {
            ScoreSums sums = ScoreSums.ofResponses(row);
            add(kinds, TOTAL, row, null, sums);
            for (String field : GROUP_FIELDS) {
                add(kinds, field, row, row.group(field), sums);
            }
        });
        String month = start.atZoneSameInstant(zone).format(DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT));
        List<Map<String, Object>> writes = new ArrayList<>();
        writes.add(base(DAY, start, end, month, Map.of("day_key", dayKey(start))));
        kinds.forEach((kind, groups) -> groups.forEach((key, sums) -> {
            Map<String, Object> v = new HashMap<>(sums.asTotals());
            if (key.get(0) != null) {
                v.put("survey", key.get(0));
            }
            if (key.get(1) != null) {
                v.put("campaign", key.get(1));
            }
            if (key.get(2) != null) {
                v.put("group_key", key.get(2).toString());
            }
            writes.add(base(kind, start, end, month, v));
        }));
        records.batch(b -> writes.forEach(w -> b.create(FORM, w)));
        return writes.size();
    }

    private static void add(Map<String, Map<List<Object>, ScoreSums>> kinds, String kind, AggregateRow row,
            Object group, ScoreSums sums) {
        List<Object> key = java.util.Arrays.asList(row.group("survey"), row.group("campaign"), group);
        kinds.computeIfAbsent(kind, k -> new LinkedHashMap<>()).merge(key, sums, ScoreSums::plus);
    }

    private static Map<String, Object> base(String kind, OffsetDateTime start, OffsetDateTime end, String month,
            Map<String, Object> more) {
        Map<String, Object> v = new HashMap<>(more);
        v.put("kind", kind);
        v.put("day_start", start);
        v.put("day_end", end);
        v.put("month", month);
        return v;
    }

    static String dayKey(OffsetDateTime start) {
        return start.toInstant().toString();
    }

    /**
     * Drops the totals of the day holding {@code answeredAt} (its mark and rows), so the day is read live until it
     * is totalled again. Called inside the write of a response.
     */
    static int forget(PluginRecords records, ZoneId zone, OffsetDateTime answeredAt) {
        OffsetDateTime start = answeredAt.atZoneSameInstant(zone).toLocalDate().atStartOfDay(zone).toOffsetDateTime();
        List<RecordData> rows = records.search(FORM).fields("kind").where("day_start", FilterOperator.EQUALS, start)
                .list();
        rows.forEach(r -> records.delete(FORM, r.id(), r.rowVersion()));
        return rows.size();
    }

    static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.time.ZonedDateTime z) {
            return z.toOffsetDateTime();
        }
        return OffsetDateTime.parse(value.toString());
    }

    ZoneId zone() {
        return zone;
    }
}
