package io.kehu.plugins.survey;

import io.kehu.sdk.forms.DefinitionText;
import io.kehu.sdk.forms.FormDefinitionProvider;
import java.util.List;
import org.pf4j.Extension;

/**
 * The plugin's form: {@code survey_response}, one record per answered survey, linked to the customer, the campaign
 * and the context (a complaint, a visit), with its scores per dimension, NPS and top-two-box counts stored so the
 * analytics are database sums; {@code survey_invitation}, one personal single-use link (only its token's SHA-256 is
 * stored); {@code survey_campaign}, a survey sent to a group of customers (their links, an optional public link);
 * {@code survey_customer}, each customer's current CSAT and NPS; {@code survey_rollup}, the responses' daily totals
 * the analytics add up ({@link Rollups}); {@code survey_mail}, the outbox of mails to customers, retried with backoff
 * ({@link MailOutbox}).
 * Published through the platform's normal validate/publish path.
 */
@Extension
public class SurveyForms implements FormDefinitionProvider {

    static final String RESPONSE = "survey_response";
    static final String INVITATION = "survey_invitation";
    static final String CAMPAIGN = "survey_campaign";
    /** One row per customer: their current CSAT and NPS, kept with each response ({@link CustomerFigures}). */
    static final String CUSTOMER_FIGURES = "survey_customer";
    static final String ROLLUP = Rollups.FORM;
    static final String MAIL = MailOutbox.FORM;

    @Override
    public List<DefinitionText> definitions() {
        // the invitation refers to the response form, so the response form comes first
        return List.of(DefinitionText.fromResource(getClass(), "forms/" + RESPONSE + ".json"),
                DefinitionText.fromResource(getClass(), "forms/" + INVITATION + ".json"),
                DefinitionText.fromResource(getClass(), "forms/" + CAMPAIGN + ".json"),
                DefinitionText.fromResource(getClass(), "forms/" + CUSTOMER_FIGURES + ".json"),
                DefinitionText.fromResource(getClass(), "forms/" + ROLLUP + ".json"),
                DefinitionText.fromResource(getClass(), "forms/" + MAIL + ".json"));
    }
}
