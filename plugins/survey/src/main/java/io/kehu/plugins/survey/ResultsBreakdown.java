package io.kehu.plugins.survey;

import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.PluginRecords;
import io.kehu.sdk.records.RecordAggregate;
import io.kehu.sdk.records.RecordSearch;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of a period's responses (optionally of one survey), in total and broken down by the customer's tier
 * or account manager when answering, the original handler, the channel or the month; the response rate of the
 * period's personal links. Read with the reader's permissions and computed by the database ({@link ScoreMeasures}):
 * no response is read into Java.
 */
public final class ResultsBreakdown {

    /** What to break down by: the response field holding the group. */
    public enum By {
        TIER("customer_tier"), OWNER("customer_owner"), HANDLER("handler"), CHANNEL("channel"), MONTH("answered_at");

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

    private final PluginRecords records;

    public ResultsBreakdown(PluginRecords records) {
        this.records = records;
    }

    /** The period's figures (of one survey, or all): one aggregate query. */
    public ScoreSummary total(String survey, Period period) {
        return ScoreMeasures.summary(ScoreMeasures.onto(where(records.aggregate(SurveyForms.RESPONSE), survey,
                period)).list().getFirst());
    }

    /**
     * The groups in the order of their keys (unknown last): one {@code GROUP BY} query, or for months one query per
     * month of the period (a period is at most a year), each month as the period's offset counts it.
     */
    public List<Group> groups(String survey, Period period, By by) {
        if (by == By.MONTH) {
            return months(survey, period);
        }
        Map<String, Group> sorted = new TreeMap<>();
        ScoreMeasures.onto(where(records.aggregate(SurveyForms.RESPONSE), survey, period).groupBy(by.field()))
                .forEach(row -> {
                    Object value = row.group(by.field());
                    String sort = value == null ? "\uffff"
                            : value instanceof Number n ? String.format("%020d", n.longValue()) : value.toString();
                    sorted.put(sort, new Group(value, ScoreMeasures.summary(row)));
                });
        return new ArrayList<>(sorted.values());
    }

    private List<Group> months(String survey, Period period) {
        List<Group> out = new ArrayList<>();
        OffsetDateTime start = period.from().withDayOfMonth(1).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        for (OffsetDateTime month = start; month.isBefore(period.to()); month = month.plusMonths(1)) {
            OffsetDateTime from = month.isBefore(period.from()) ? period.from() : month;
            OffsetDateTime to = month.plusMonths(1).isAfter(period.to()) ? period.to() : month.plusMonths(1);
            ScoreSummary summary = ScoreMeasures.summary(ScoreMeasures.onto(where(records.aggregate(
                    SurveyForms.RESPONSE), survey, new Period(from, to))).list().getFirst());
            if (summary.responses() > 0) {
                out.add(new Group(month.toString().substring(0, 7), summary));
            }
        }
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
