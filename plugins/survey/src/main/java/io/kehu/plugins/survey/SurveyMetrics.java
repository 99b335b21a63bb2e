package io.kehu.plugins.survey;

import io.kehu.sdk.forms.DefinitionText;
import io.kehu.sdk.metrics.MetricDefinitionProvider;
import java.util.List;
import org.pf4j.Extension;

/**
 * Dashboard metrics over the plugin's forms, so managers can put satisfaction on their dashboards: CSAT (top-two-box
 * share of the ratings), NPS (the mean of each response's promoter 100 / passive 0 / detractor −100), the number of
 * responses by channel and the response rate of personal links; each by month, against the previous period.
 */
@Extension
public class SurveyMetrics implements MetricDefinitionProvider {

    @Override
    public List<DefinitionText> metrics() {
        return List.of(metric("survey_csat"), metric("survey_nps"), metric("survey_responses"),
                metric("survey_response_rate"));
    }

    private DefinitionText metric(String id) {
        return DefinitionText.fromResource(getClass(), "metrics/" + id + ".json");
    }
}
