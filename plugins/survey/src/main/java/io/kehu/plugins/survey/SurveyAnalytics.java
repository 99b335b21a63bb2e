package io.kehu.plugins.survey;

import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.PluginRecords;
import io.kehu.sdk.records.RecordSearch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of stored responses, read with the reader's permissions: for a survey (all its versions), a campaign
 * or a customer, in total and per month. Streams only the score fields (keyset pages), never the answers.
 */
public final class SurveyAnalytics {

    static final String[] SCORE_FIELDS = {"answered_at", "score_quality", "score_service", "score_speed",
            "score_price", "score_overall", "nps", "rated", "top_two"};

    private final PluginRecords records;

    public SurveyAnalytics(PluginRecords records) {
        this.records = records;
    }

    /** The figures of the responses matching the filter (field → value; e.g. {@code survey}, {@code customer}). */
    public ScoreSummary summary(Map<String, Object> filter) {
        List<ResponseScore> scores = new ArrayList<>();
        search(filter).forEach(r -> scores.add(SurveyService.score(r)));
        return ScoreSummary.of(scores);
    }

    /** The figures per month ({@code 2026-03}), oldest first. */
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
