package io.kehu.plugins.churn;

import io.kehu.sdk.forms.DefinitionText;
import io.kehu.sdk.forms.FormDefinitionProvider;
import io.kehu.sdk.workflows.WorkflowDefinitionProvider;
import java.util.List;
import org.pf4j.Extension;

/**
 * The plugin's forms — {@code churn_score} (each customer's score over time), {@code churn_rule} (the admin's
 * warning rules), {@code churn_case} (流失客户分析) and {@code churn_features} (no records: it types what a Groovy
 * rule sees as {@code record}), {@code churn_action} (a case's improvement actions) — and the case form's workflow.
 */
@Extension
public class ChurnForms implements FormDefinitionProvider, WorkflowDefinitionProvider {

    static final String SCORE = "churn_score";
    static final String RULE = "churn_rule";
    static final String CASE = "churn_case";
    static final String FEATURES = "churn_features";
    static final String ACTION = "churn_action";

    @Override
    public List<DefinitionText> definitions() {
        return List.of(SCORE, RULE, CASE, FEATURES, ACTION).stream()
                .map(id -> DefinitionText.fromResource(getClass(), "forms/" + id + ".json")).toList();
    }

    @Override
    public List<DefinitionText> workflows() {
        return List.of(DefinitionText.fromResource(getClass(), "workflows/churn_case_tracking.json"));
    }
}
