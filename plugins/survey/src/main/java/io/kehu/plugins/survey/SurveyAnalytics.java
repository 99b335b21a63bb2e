package io.kehu.plugins.survey;

import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.PluginRecords;
import io.kehu.sdk.records.RecordAggregate;
import io.kehu.sdk.records.RecordSearch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of stored responses, read with the reader's permissions: for a survey (all its versions), a campaign
 * or a customer, in total (aggregated by the database) and per month.
 */
public final class SurveyAnalytics {

    static final String[] SCORE_FIELDS = {"answered_at", "score_quality", "score_service", "score_speed",
            "score_price", "score_overall", "nps", "rated", "top_two"};

    private final PluginRecords records;

    public SurveyAnalytics(PluginRecords records) {
        this.records = records;
    }

    /**
     * The figures of the responses matching the filter (field → value; e.g. {@code survey}, {@code customer}),
     * computed by the database: for a survey or a campaign from the stored daily totals of closed days and a live
     * aggregate of the rest ({@link Rollups}), otherwise (a customer) in one aggregate query.
     */
    public ScoreSummary summary(Map<String, Object> filter) {
        if (!filter.isEmpty() && java.util.Set.of("survey", "campaign").containsAll(filter.keySet())) {
            // a survey's or campaign's figures: the stored daily totals plus the days not totalled (Rollups)
            return new ResultsBreakdown(records).sums((String) filter.get("survey"), (String) filter.get("campaign"),
                    ResultsBreakdown.ALL_TIME).summary();
        }
        RecordAggregate aggregate = records.aggregate(SurveyForms.RESPONSE);
        filter.forEach((field, value) -> aggregate.where(field, FilterOperator.EQUALS, value));
        return ScoreMeasures.summary(ScoreMeasures.onto(aggregate).list().getFirst());
    }

    /**
     * The figures per month ({@code 2026-03}), oldest first. Streams the score fields (keyset pages): it serves one
     * customer's tab, a handful of responses over years, where a query per month would cost more.
     */
    public Map<String, ScoreSummary> monthly(Map<String, Object> filter) {
        Map<String, List<ResponseScore>> perMonth = new TreeMap<>();
        search(filter).forEach(r -> perMonth.computeIfAbsent(month(r.get("answered_at")), m -> new ArrayList<>())
                .add(SurveyService.score(r)));
        Map<String, ScoreSummary> out = new TreeMap<>();
        perMonth.forEach((m, s) -> out.put(m, ScoreSummary.of(s)));
        return out;
    }

    private RecordSearch search(Map<String, Object> filter) {
        RecordSearch search = records.search(SurveyForms.RESPONSE).fields(SCORE_FIELDS);
        filter.forEach((field, value) -> search.where(field, FilterOperator.EQUALS, value));
        return search;
    }

    private static String month(Object answeredAt) {
        String text = String.valueOf(answeredAt);
        return text.length() >= 7 ? text.substring(0, 7) : text;
    }
}
