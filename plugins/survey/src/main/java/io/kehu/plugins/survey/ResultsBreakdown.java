package io.kehu.plugins.survey;

import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.PluginRecords;
import io.kehu.sdk.records.RecordSearch;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The figures of a period's responses (optionally of one survey), in total and broken down by the customer's tier
 * or account manager when answering, the original handler, the channel or the month; the response rate of the
 * period's personal links. Read with the reader's permissions; only score fields are fetched.
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

    public ScoreSummary total(String survey, Period period) {
        List<ResponseScore> scores = new ArrayList<>();
        search(survey, period, null).forEach(r -> scores.add(SurveyService.score(r)));
        return ScoreSummary.of(scores);
    }

    /** The groups in the order of their keys (unknown last). */
    public List<Group> groups(String survey, Period period, By by) {
        Map<String, List<ResponseScore>> perKey = new TreeMap<>();
        Map<String, Object> keys = new TreeMap<>();
        search(survey, period, by).forEach(r -> {
            Object value = r.get(by.field());
            if (by == By.MONTH) {
                // the month as the period counts it (its offset), so the drill-through lists the same responses
                OffsetDateTime at = value instanceof OffsetDateTime o ? o : OffsetDateTime.parse(String.valueOf(value));
                value = at.withOffsetSameInstant(period.from().getOffset()).toString().substring(0, 7);
            }
            String sort = value == null ? "\uffff" : value instanceof Number n ? String.format("%020d", n.longValue())
                    : value.toString();
            keys.put(sort, value);
            perKey.computeIfAbsent(sort, k -> new ArrayList<>()).add(SurveyService.score(r));
        });
        List<Group> out = new ArrayList<>();
        perKey.forEach((sort, scores) -> out.add(new Group(keys.get(sort), ScoreSummary.of(scores))));
        return out;
    }

    /** The personal links created in the period (of the survey) and how many were answered. */
    public Rate rate(String survey, Period period) {
        return new Rate(count(survey, period, false), count(survey, period, true));
    }

    private long count(String survey, Period period, boolean answered) {
        var aggregate = records.aggregate(SurveyForms.INVITATION)
                .where("created_at", FilterOperator.GREATER_OR_EQUAL, period.from())
                .where("created_at", FilterOperator.LESS, period.to());
        if (survey != null) {
            aggregate.where("survey", FilterOperator.EQUALS, survey);
        }
        if (answered) {
            aggregate.where("used_at", FilterOperator.IS_NOT_EMPTY);
        }
        return aggregate.count().list().getFirst().count();
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

    private RecordSearch search(String survey, Period period, By by) {
        String[] fields = by == null || by == By.MONTH ? SurveyAnalytics.SCORE_FIELDS
                : Stream.concat(Arrays.stream(SurveyAnalytics.SCORE_FIELDS), Stream.of(by.field()))
                        .toArray(String[]::new);
        return where(records.search(SurveyForms.RESPONSE).fields(fields), survey, period);
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
