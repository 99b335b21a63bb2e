package io.kehu.plugins.visits;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.RecordAction;
import io.kehu.sdk.records.RecordEvent;
import io.kehu.sdk.records.RecordListener;
import java.util.Locale;
import org.pf4j.Extension;

/**
 * A low score on the survey plugin's feedback about a visit starts the same revisit as a low feedback card
 * ({@link LowScoreRevisit}): a {@code survey_response} marked {@code low_score} whose context is a service visit
 * ({@code context_form} = {@code service_visit}, {@code context_id} = the visit — what the survey plugin's
 * {@code send_link} action records when a visit's step sends the customer the survey). Only the SDK's record
 * listener and the response's fields are used: without the survey plugin there is no {@code survey_response} form,
 * no write of it ever reaches this listener, and nothing else changes.
 */
@Extension
public class SurveyLowScoreRevisit implements RecordListener {

    static final String RESPONSE = "survey_response";

    private final PluginContext context;

    public SurveyLowScoreRevisit(PluginContext context) {
        this.context = context;
    }

    @Override
    public boolean handles(String formId) {
        return RESPONSE.equals(formId);
    }

    @Override
    public void afterSave(RecordEvent event) {
        if (event.action() == RecordAction.CREATE || event.changedFields().contains("low_score")) {
            context.records().get(RESPONSE, event.id())
                    .filter(r -> Boolean.TRUE.equals(r.get("low_score")))
                    .filter(r -> VisitForms.VISIT.equals(r.get("context_form")))
                    .filter(r -> r.get("context_id") instanceof Number)
                    .filter(r -> context.records().get(VisitForms.VISIT, ((Number) r.get("context_id")).longValue())
                            .isPresent())
                    .ifPresent(r -> LowScoreRevisit.startRevisit(context, ((Number) r.get("context_id")).longValue(),
                            LocalText.of(context.messages().get("revisit.survey", Locale.SIMPLIFIED_CHINESE,
                                    r.get("survey_title")), context.messages().get("revisit.survey", Locale.ENGLISH,
                                    r.get("survey_title")))));
        }
    }
}
