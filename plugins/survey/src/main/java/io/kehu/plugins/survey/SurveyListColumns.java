package io.kehu.plugins.survey;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.ui.ListColumn;
import io.kehu.sdk.ui.ListColumnContribution;
import java.util.List;
import org.pf4j.Extension;

/**
 * The customer's satisfaction on the platform's customer list: 最近推荐意愿 (the NPS answer, 0–10) and 最近总体满意度
 * (the overall rating on five points) of their most recent response, and 满意率 CSAT / 净推荐值 NPS of the last 365
 * days as stored in {@code survey_customer}; filterable and sortable — e.g. "推荐意愿 ≤ 6" finds the detractors.
 */
@Extension
public class SurveyListColumns implements ListColumnContribution {

    private static final List<ListColumn> COLUMNS = List.of(
            ListColumn.builder("customer", "survey_nps", LocalText.of("最近推荐意愿", "Latest NPS answer"))
                    .from(SurveyForms.RESPONSE, "customer", "nps").latestBy("answered_at")
                    .kind(ListColumn.Kind.NUMBER).build(),
            ListColumn.builder("customer", "survey_overall", LocalText.of("最近总体满意度", "Latest overall rating"))
                    .from(SurveyForms.RESPONSE, "customer", "score_overall").latestBy("answered_at")
                    .kind(ListColumn.Kind.NUMBER).decimals(1).build(),
            ListColumn.builder("customer", "survey_csat", LocalText.of("满意率 CSAT", "CSAT"))
                    .from(SurveyForms.CUSTOMER_FIGURES, "customer", "csat").kind(ListColumn.Kind.PERCENT).build(),
            ListColumn.builder("customer", "survey_nps_score", LocalText.of("净推荐值 NPS", "NPS"))
                    .from(SurveyForms.CUSTOMER_FIGURES, "customer", "nps").kind(ListColumn.Kind.NUMBER).decimals(1)
                    .build());

    @Override
    public List<ListColumn> columns() {
        return COLUMNS;
    }
}
