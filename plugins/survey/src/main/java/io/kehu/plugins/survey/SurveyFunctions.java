package io.kehu.plugins.survey;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.scripts.ScriptFunctions;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;

/**
 * A customer's current satisfaction for form rules, tiering and churn rules, as {@code survey}: e.g.
 * {@code survey.nps(record.id) != null && survey.nps(record.id) < 0}. "Current" = the customer's responses of the
 * last 365 days; each figure is null when there is none (see docs/survey.md for the definitions).
 */
@Extension
public class SurveyFunctions implements ScriptFunctions {

    private final PluginContext context;

    public SurveyFunctions(PluginContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "survey";
    }

    @Override
    public Object functions() {
        return new Satisfaction(context);
    }

    /** What rules may call. */
    public static class Satisfaction {
        private final PluginContext context;

        Satisfaction(PluginContext context) {
            this.context = context;
        }

        /** CSAT (top-2 box %) of the customer's last 365 days, or null. */
        public BigDecimal csat(Object customerId) {
            return current(customerId).csat();
        }

        /** NPS of the customer's last 365 days, or null. */
        public BigDecimal nps(Object customerId) {
            return current(customerId).nps();
        }

        /** Mean on a dimension ({@code quality}, {@code service}, {@code speed}, {@code price}, {@code overall}). */
        public BigDecimal mean(Object customerId, String dimension) {
            Dimension d = Dimension.valueOf(dimension.trim().toUpperCase(Locale.ROOT));
            return current(customerId).means().get(d);
        }

        ScoreSummary current(Object customerId) {
            if (!(customerId instanceof Number id)) {
                return ScoreSummary.of(List.of());
            }
            OffsetDateTime since = OffsetDateTime.now().minusDays(365);
            List<ResponseScore> scores = new ArrayList<>();
            context.records().search(SurveyForms.RESPONSE).where("customer", FilterOperator.EQUALS, id.longValue())
                    .fields(SurveyAnalytics.SCORE_FIELDS).forEach(r -> {
                        if (r.get("answered_at") instanceof OffsetDateTime at && at.isAfter(since)) {
                            scores.add(SurveyService.score(r));
                        }
                    });
            return ScoreSummary.of(scores);
        }
    }
}
