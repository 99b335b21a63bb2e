package io.kehu.plugins.visits;

import io.kehu.sdk.forms.DefinitionText;
import io.kehu.sdk.forms.FormDefinitionProvider;
import io.kehu.sdk.metrics.MetricDefinitionProvider;
import io.kehu.sdk.workflows.WorkflowDefinitionProvider;
import java.util.List;
import org.pf4j.Extension;

/**
 * The plugin's forms: {@code visit_type} and {@code visit_checklist_item} (the catalog admins edit), {@code
 * service_visit} (one booked visit), {@code visit_check} (a visit's own copy of its checklist with the answers, so
 * later catalog edits never change a visit done) and {@code visit_feedback} (the customer's feedback card) — and the
 * visit's workflow {@code service_visit_flow} (its states, who may move a visit, time limits), run by the platform's
 * workflow engine like any shipped process — and its KPIs as dashboard metrics.
 */
@Extension
public class VisitForms implements FormDefinitionProvider, WorkflowDefinitionProvider, MetricDefinitionProvider {

    static final String TYPE = "visit_type";
    static final String ITEM = "visit_checklist_item";
    static final String VISIT = "service_visit";
    static final String CHECK = "visit_check";
    static final String FEEDBACK = "visit_feedback";
    static final String PAYMENT = "visit_payment";
    static final String CUSTOMER = "customer";
    static final String FLOW = "service_visit_flow";

    @Override
    public List<DefinitionText> definitions() {
        return List.of(TYPE, ITEM, VISIT, CHECK, FEEDBACK, PAYMENT).stream()
                .map(id -> DefinitionText.fromResource(getClass(), "forms/" + id + ".json")).toList();
    }

    @Override
    public List<DefinitionText> workflows() {
        return List.of(DefinitionText.fromResource(getClass(), "workflows/" + FLOW + ".json"));
    }

    /**
     * The KPIs on the dashboards: visits signed off, sign-off rate, on-time rate, overdue visits and first-time-fix rate
     * per visitor, feedback score.
     */
    @Override
    public List<DefinitionText> metrics() {
        return List.of("visits_signed_off", "visit_signoff_rate", "visit_on_time_rate", "visit_feedback_score",
                "visits_overdue", "visit_first_time_fix_rate").stream()
                .map(id -> DefinitionText.fromResource(getClass(), "metrics/" + id + ".json")).toList();
    }
}
