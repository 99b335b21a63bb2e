package io.kehu.plugins.survey;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A customer's current CSAT and NPS (last 365 days, the definitions of {@link SurveyFunctions}) stored in
 * {@code survey_customer}, one row per customer: written with each response in the response's transaction, so the
 * customer list can show and filter them (the plugin's list columns) and they never disagree with the responses.
 * Writers for the same customer take turns under a database lock, so two answers at once cannot both create the row.
 */
final class CustomerFigures {

    private final PluginContext context;

    CustomerFigures(PluginContext context) {
        this.context = context;
    }

    /** Recomputes and stores the figures of {@code customer}; call inside the response's transaction. */
    void refresh(long customer, OffsetDateTime answeredAt) {
        context.locks().exclusively("survey-customer-" + customer, () -> {
            ScoreSummary now = new SurveyFunctions.Satisfaction(context).current(customer);
            Map<String, Object> values = new HashMap<>();
            values.put("csat", now.csat());
            values.put("nps", now.nps());
            values.put("responses", (long) now.responses());
            values.put("last_answered_at", answeredAt);
            Optional<RecordData> row = context.records().search(SurveyForms.CUSTOMER_FIGURES)
                    .where("customer", FilterOperator.EQUALS, customer).limit(1).list().stream().findFirst();
            if (row.isPresent()) {
                context.records().update(SurveyForms.CUSTOMER_FIGURES, row.get().id(), row.get().rowVersion(),
                        values);
            } else {
                values.put("customer", customer);
                context.records().create(SurveyForms.CUSTOMER_FIGURES, values);
            }
            return null;
        });
    }
}
