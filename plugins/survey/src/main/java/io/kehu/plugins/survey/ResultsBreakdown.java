package io.kehu.plugins.survey;

import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.PluginRecords;
import io.kehu.sdk.records.RecordAggregate;
import io.kehu.sdk.records.RecordSearch;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of a period's responses (optionally of one survey), in total and broken down by the customer's tier
 * or account manager when answering, the original handler, the channel or the month; the response rate of the
 * period's personal links. Read with the reader's permissions and computed by the database ({@link ScoreMeasures})
 * from the stored daily totals of closed days ({@link Rollups}) and live aggregates of the rest: no response is read
 * into Java.
 */
public final class ResultsBreakdown {

    /** What to break down by: the response field holding the group. */
    public enum By {
        TIER("customer_tier"), REGION("customer_region"), OWNER("customer_owner"), HANDLER("handler"),
        CHANNEL("channel"), MONTH("answered_at");

        private final String field;

        By(String field) {
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** {@code [from, to)}; {@link #previous()} is the period of the same length just before. */
    public record Period(OffsetDateTime from, OffsetDateTime to) {

        public Period previous() {
            return new Period(from.minus(java.time.Duration.between(from, to)), from);
        }
    }

    /** One group: its value as stored (null: not known) and its figures. */
    public record Group(Object key, ScoreSummary summary) {
    }

    /** Personal links sent in the period and how many of them were answered. */
    public record Rate(long sent, long answered) {

        public BigDecimal percent() {
            return sent == 0 ? null : BigDecimal.valueOf(answered * 1000 / sent, 1);
        }
    }

    /** All time, for figures without a period. */
    static final Period ALL_TIME = new Period(OffsetDateTime.parse("1970-01-01T00:00:00Z"),
            OffsetDateTime.parse("3000-01-01T00:00:00Z"));

    private final PluginRecords records;
    private final Rollups rollups;

    public ResultsBreakdown(PluginRecords records) {
        this(records, ZoneId.systemDefault());
    }

    ResultsBreakdown(PluginRecords records, ZoneId zone) {
        this.records = records;
        this.rollups = new Rollups(records, zone);
    }

    /**
     * The period's figures (of one survey, or all): the stored totals of its totalled days (one aggregate over
     * {@link Rollups}) plus one live aggregate per span not totalled (today, at least).
     */
    public ScoreSummary total(String survey, Period period) {
        return sums(survey, null, period).summary();
    }

    /** {@link #total} of a survey and/or a campaign (null: any), as additive sums. */
    ScoreSums sums(String survey, String campaign, Period period) {
        Rollups.Coverage coverage = rollups.coverage(period);
        ScoreSums sum = coverage.any() ? rollups.totals(Rollups.TOTAL, period, survey, campaign, null)
                .getOrDefault(Rollups.TOTAL, ScoreSums.NONE) : ScoreSums.NONE;
        for (Period live : coverage.live()) {
            RecordAggregate aggregate = where(records.aggregate(SurveyForms.RESPONSE), survey, live);
            if (campaign != null) {
                aggregate.where("campaign", FilterOperator.EQUALS, campaign);
            }
            sum = sum.plus(ScoreSums.ofResponses(ScoreMeasures.onto(aggregate).list().getFirst()));
        }
        return sum;
    }

    /**
     * The groups in the order of their keys (unknown last): the stored totals of the totalled days grouped in one
     * query, plus one live {@code GROUP BY} per span not totalled; months are the totals grouped by their month.
     */
    public List<Group> groups(String survey, Period period, By by) {
        if (by == By.MONTH) {
            return months(survey, period);
        }
        // the region has no daily totals of its own (they were made before it was recorded): read live, all of it
        Rollups.Coverage coverage = by == By.REGION ? new Rollups.Coverage(false, List.of(period))
                : rollups.coverage(period);
        Map<Object, ScoreSums> merged = new java.util.HashMap<>();
        if (coverage.any()) {
            rollups.totals(by.field(), period, survey, null, "group_key").forEach((key, sums) -> merged.merge(
                    key == Rollups.NO_KEY || by != By.OWNER ? key : Long.valueOf(key.toString()), sums,
                    ScoreSums::plus));
        }
        for (Period live : coverage.live()) {
            ScoreMeasures.onto(where(records.aggregate(SurveyForms.RESPONSE), survey, live).groupBy(by.field()))
                    .forEach(row -> merged.merge(row.group(by.field()) == null ? Rollups.NO_KEY
                            : row.group(by.field()), ScoreSums.ofResponses(row), ScoreSums::plus));
        }
        Map<String, Group> sorted = new TreeMap<>();
        merged.forEach((value, sums) -> {
            String sort = value == Rollups.NO_KEY ? "\uffff"
                    : value instanceof Number n ? String.format("%020d", n.longValue()) : value.toString();
            sorted.put(sort, new Group(value == Rollups.NO_KEY ? null : value, sums.summary()));
        });
        return new ArrayList<>(sorted.values());
    }

    private List<Group> months(String survey, Period period) {
        Rollups.Coverage coverage = rollups.coverage(period);
        Map<String, ScoreSums> perMonth = new TreeMap<>();
        if (coverage.any()) {
            rollups.totals(Rollups.TOTAL, period, survey, null, "month")
                    .forEach((month, sums) -> perMonth.merge(month.toString(), sums, ScoreSums::plus));
        }
        for (Period live : coverage.live()) {
            // a span may cross months: one query per month it touches, each month as the period's offset counts it
            OffsetDateTime from = live.from();
            while (from.isBefore(live.to())) {
                OffsetDateTime monthStart = from.withOffsetSameInstant(period.from().getOffset()).withDayOfMonth(1)
                        .truncatedTo(java.time.temporal.ChronoUnit.DAYS);
                OffsetDateTime next = monthStart.plusMonths(1);
                OffsetDateTime to = next.isBefore(live.to()) ? next : live.to();
                ScoreSums sums = ScoreSums.ofResponses(ScoreMeasures.onto(where(records.aggregate(
                        SurveyForms.RESPONSE), survey, new Period(from, to))).list().getFirst());
                if (sums.responses() > 0) {
                    perMonth.merge(monthStart.toString().substring(0, 7), sums, ScoreSums::plus);
                }
                from = to;
            }
        }
        List<Group> out = new ArrayList<>();
        perMonth.forEach((month, sums) -> {
            if (sums.responses() > 0) {
                out.add(new Group(month, sums.summary()));
            }
        });
        return out;
    }

    /** The personal links created in the period (of the survey) and how many were answered: one query. */
    public Rate rate(String survey, Period period) {
        var aggregate = records.aggregate(SurveyForms.INVITATION)
                .where("created_at", FilterOperator.GREATER_OR_EQUAL, period.from())
                .where("created_at", FilterOperator.LESS, period.to());
        if (survey != null) {
            aggregate.where("survey", FilterOperator.EQUALS, survey);
        }
        var row = aggregate.count().countWhere("answered", "used_at", FilterOperator.IS_NOT_EMPTY).list().getFirst();
        return new Rate(row.count(), row.count("answered"));
    }

    /** The responses a figure is made of: what a drill-through lists. */
    public RecordSearch search(String survey, Period period, By by, Object key) {
        RecordSearch search = records.search(SurveyForms.RESPONSE);
        where(search, survey, period);
        if (by == By.MONTH && key != null) {
            OffsetDateTime start = java.time.YearMonth.parse(key.toString()).atDay(1).atStartOfDay()
                    .atOffset(period.from().getOffset());
            search.where("answered_at", FilterOperator.GREATER_OR_EQUAL, start)
                    .where("answered_at", FilterOperator.LESS, start.plusMonths(1));
        } else if (by != null) {
            search.where(by.field(), key == null ? FilterOperator.IS_EMPTY : FilterOperator.EQUALS,
                    key == null ? new Object[0] : new Object[] {key});
        }
        return search.sortBy("answered_at", true);
    }

    private static RecordAggregate where(RecordAggregate aggregate, String survey, Period period) {
        aggregate.where("answered_at", FilterOperator.GREATER_OR_EQUAL, period.from())
                .where("answered_at", FilterOperator.LESS, period.to());
        if (survey != null) {
            aggregate.where("survey", FilterOperator.EQUALS, survey);
        }
        return aggregate;
    }

    private static RecordSearch where(RecordSearch search, String survey, Period period) {
        search.where("answered_at", FilterOperator.GREATER_OR_EQUAL, period.from())
                .where("answered_at", FilterOperator.LESS, period.to());
        if (survey != null) {
            search.where("survey", FilterOperator.EQUALS, survey);
        }
        return search;
    }
}
