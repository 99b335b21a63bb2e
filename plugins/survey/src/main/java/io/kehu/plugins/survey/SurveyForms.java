package io.kehu.plugins.survey;

import io.kehu.sdk.forms.DefinitionText;
import io.kehu.sdk.forms.FormDefinitionProvider;
import java.util.List;
import org.pf4j.Extension;

/**
 * The plugin's form: {@code survey_response}, one record per answered survey, linked to the customer, the campaign
 * and the context (a complaint, a visit), with its scores per dimension, NPS and top-two-box counts stored so the
 * analytics are database sums. Published through the platform's normal validate/publish path.
 */
@Extension
public class SurveyForms implements FormDefinitionProvider {

    static final String RESPONSE = "survey_response";

    @Override
    public List<DefinitionText> definitions() {
        return List.of(DefinitionText.fromResource(getClass(), "forms/" + RESPONSE + ".json"));
    }
}
