package io.kehu.plugins.survey;

import io.kehu.sdk.json.JsonType;
import io.kehu.sdk.json.PluginJson;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.PluginRecords;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordSearch;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The text answers (text and comment questions) of a period's responses, filtered by survey, question, the NPS answer
 * (from–to), and the customer's tier and region when answering: what customers wrote, newest first, each with the
 * response it belongs to. The filters run in the database (with the reader's permissions); the newest
 * {@value #SCANNED} responses that match are read, and the result says when there were more.
 */
final class TextAnswers {

    static final int SCANNED = 500;
    private static final JsonType<Map<String, Object>> MAP = new JsonType<>() { };

    /** What to look for; null fields do not filter. */
    record Filter(String survey, ResultsBreakdown.Period period, String question, Integer npsFrom, Integer npsTo,
                  String tier, String region) {
    }

    /** One text answer and where it comes from. */
    record Answer(long response, OffsetDateTime answeredAt, String survey, String question, String text, Integer nps,
                  String tier, String region) {
    }

    /** The answers found; {@code more}: more responses matched than were read. */
    record Found(List<Answer> answers, boolean more) {
    }

    private TextAnswers() {
    }

    static Found find(PluginRecords records, PluginJson json, List<Survey> surveys, Filter f) {
        RecordSearch search = records.search(SurveyForms.RESPONSE)
                .where("answered_at", FilterOperator.GREATER_OR_EQUAL, f.period().from())
                .where("answered_at", FilterOperator.LESS, f.period().to());
        if (f.survey() != null) {
            search.where("survey", FilterOperator.EQUALS, f.survey());
        }
        if (f.npsFrom() != null) {
            search.where("nps", FilterOperator.GREATER_OR_EQUAL, (long) f.npsFrom());
        }
        if (f.npsTo() != null) {
            search.where("nps", FilterOperator.LESS_OR_EQUAL, (long) f.npsTo());
        }
        if (f.tier() != null) {
            search.where("customer_tier", FilterOperator.EQUALS, f.tier());
        }
        if (f.region() != null) {
            search.where("customer_region", FilterOperator.EQUALS, f.region());
        }
        List<RecordData> rows = search.sortBy("answered_at", true).limit(SCANNED + 1)
                .fields("answered_at", "survey", "nps", "customer_tier", "customer_region", "answers").list();
        List<Answer> out = new ArrayList<>();
        for (RecordData r : rows.subList(0, Math.min(SCANNED, rows.size()))) {
            if (!(r.get("answers") instanceof String answers) || answers.isBlank()) {
                continue;
            }
            Map<String, Object> given;
            try {
                given = json.read(answers, MAP);
            } catch (RuntimeException unreadable) {
                continue;
            }
            String key = (String) r.get("survey");
            for (String question : textQuestions(surveys, key)) {
                if ((f.question() == null || f.question().equals(question))
                        && given.get(question) instanceof String text && !text.isBlank()) {
                    out.add(new Answer(r.id(), Rollups.time(r.get("answered_at")), key, question, text.strip(),
                            r.get("nps") instanceof Number n ? n.intValue() : null, (String) r.get("customer_tier"),
                            (String) r.get("customer_region")));
                }
            }
        }
        return new Found(out, rows.size() > SCANNED);
    }

    /** The names of the text and comment questions of any version of the survey {@code key}, in order. */
    static List<String> textQuestions(List<Survey> surveys, String key) {
        List<String> names = new ArrayList<>();
        surveys.stream().filter(s -> s.key().equals(key)).flatMap(s -> s.versions().stream())
                .flatMap(v -> v.questions().stream())
                .filter(q -> q.type() == QuestionType.TEXT || q.type() == QuestionType.COMMENT)
                .map(Question::name).filter(n -> !names.contains(n)).forEach(names::add);
        return names;
    }
}
