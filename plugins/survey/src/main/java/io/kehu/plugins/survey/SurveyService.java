package io.kehu.plugins.survey;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.PluginRecords;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stores responses: checks the answers against the survey's current version, scores them, writes one
 * {@code survey_response} record (once per submission key) and, for a low score, opens the follow-up task.
 */
public final class SurveyService {

    /** What a submit did: the stored response, whether it was stored before (same key), or why it was refused. */
    public record Result(RecordData response, boolean repeated, List<LocalText> problems, Long followUpTask) {
        public boolean stored() {
            return response != null;
        }
    }

    private final PluginContext context;

    public SurveyService(PluginContext context) {
        this.context = context;
    }

    /**
     * Stores a response through {@code writer} ({@code recordsOfCurrentUser()} for staff entry, so it is audited
     * under the staff member; {@code records()} for the public page).
     */
    public Result submit(Submission s, PluginRecords writer) {
        Optional<RecordData> earlier = bySubmissionKey(s.submissionKey());
        if (earlier.isPresent()) {
            return new Result(earlier.get(), true, List.of(), null);
        }
        Survey survey = new SurveyCatalog(context).get(s.surveyKey())
                .orElseThrow(() -> new IllegalArgumentException("No survey " + s.surveyKey()));
        SurveyVersion version = survey.current();
        Answers.Checked checked = Answers.check(version, s.answers());
        if (!checked.ok()) {
            return new Result(null, false, checked.problems(), null);
        }
        ResponseScore score = ResponseScore.of(version, checked.answers());
        boolean low = score.low(SurveySettings.lowDimension(context), SurveySettings.lowNps(context));
        Map<String, Object> values = new HashMap<>();
        putIfSet(values, "customer", s.customer());
        if (s.customer() != null) {
            // kept as they were when answering, so results by tier and owner do not move when a customer does
            context.records().get("customer", s.customer()).ifPresent(c -> {
                putIfSet(values, "customer_tier", c.get(Campaigns.TIER_FIELD));
                putIfSet(values, "customer_owner", c.get("account_manager"));
                putIfSet(values, "customer_region", c.get("region"));
            });
        }
        values.put("survey", survey.key());
        values.put("survey_version", (long) version.number());
        values.put("survey_title", version.title().in(java.util.Locale.CHINESE));
        values.put("answered_at", OffsetDateTime.now(ZoneOffset.UTC));
        values.put("channel", s.channel());
        putIfSet(values, "campaign", s.campaign());
        putIfSet(values, "context_form", s.contextForm());
        putIfSet(values, "context_id", s.contextId());
        putIfSet(values, "handler", s.handler());
        score.dimensions().forEach((d, v) -> values.put(d.scoreField(), v));
        putIfSet(values, "nps", score.nps() == null ? null : (long) score.nps());
        // promoter 100, passive 0, detractor -100: the NPS is then the plain mean, which dashboards can compute
        putIfSet(values, "nps_point", score.nps() == null ? null : npsPoint(score.nps()));
        values.put("rated", (long) score.rated());
        values.put("top_two", (long) score.topTwo());
        values.put("low_score", low);
        values.put("answers", context.json().write(checked.answers()));
        values.put("summary", AnswerTexts.summary(version, checked.answers()));
        putIfSet(values, "submission_key", s.submissionKey());
        RecordData response;
        try {
            // the customer's stored CSAT/NPS change with the response, in its transaction
            response = context.transactions().call(() -> {
                RecordData created = writer.create(SurveyForms.RESPONSE, values);
                if (s.customer() != null) {
                    new CustomerFigures(context).refresh(s.customer(), (OffsetDateTime) values.get("answered_at"));
                }
                return created;
            });
        } catch (RecordException e) {
            // a double tap that raced past the look-up above: the unique key kept the second one out
            Optional<RecordData> raced = bySubmissionKey(s.submissionKey());
            if (raced.isPresent()) {
                return new Result(raced.get(), true, List.of(), null);
            }
            throw e;
        }
        Long task = low ? new FollowUps(context).open(response, s.handler()).orElse(null) : null;
        return new Result(response, false, List.of(), task);
    }

    private Optional<RecordData> bySubmissionKey(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        return context.records().search(SurveyForms.RESPONSE).where("submission_key", FilterOperator.EQUALS, key)
                .limit(1).list().stream().findFirst();
    }

    static long npsPoint(int nps) {
        return nps >= 9 ? 100L : nps <= 6 ? -100L : 0L;
    }

    private static void putIfSet(Map<String, Object> values, String field, Object value) {
        if (value != null && !(value instanceof String t && t.isBlank())) {
            values.put(field, value);
        }
    }

    /** The stored scores of a response record (for analytics and the Satisfaction tab). */
    public static ResponseScore score(RecordData r) {
        Map<Dimension, BigDecimal> dims = new java.util.EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            if (r.get(d.scoreField()) instanceof BigDecimal v) {
                dims.put(d, v);
            } else if (r.get(d.scoreField()) instanceof Number n) {
                dims.put(d, new BigDecimal(n.toString()));
            }
        }
        return new ResponseScore(dims, intOf(r.get("rated")), intOf(r.get("top_two")),
                r.get("nps") instanceof Number n ? n.intValue() : null);
    }

    private static int intOf(Object o) {
        return o instanceof Number n ? n.intValue() : 0;
    }
}
