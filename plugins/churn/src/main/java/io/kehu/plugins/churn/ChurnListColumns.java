package io.kehu.plugins.churn;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.ui.ListColumn;
import io.kehu.sdk.ui.ListColumnContribution;
import java.util.List;
import org.pf4j.Extension;

/**
 * 流失风险 and 风险等级 on the platform's customer list: the customer's current score (the {@code latest} row of
 * {@code churn_score}), filterable ("风险 ≥ 70") and sortable, so account managers find the customers at risk where
 * they already work, beside the warning list.
 */
@Extension
public class ChurnListColumns implements ListColumnContribution {

    private static final List<ListColumn> COLUMNS = List.of(
            ListColumn.builder("customer", "churn_risk", LocalText.of("流失风险", "Churn risk"))
                    .from(ChurnForms.SCORE, "customer", "score").onlyWhere("latest")
                    .kind(ListColumn.Kind.NUMBER).build(),
            ListColumn.builder("customer", "churn_risk_level", LocalText.of("流失风险等级", "Churn risk level"))
                    .from(ChurnForms.SCORE, "customer", "risk_level").onlyWhere("latest")
                    .kind(ListColumn.Kind.LEVEL).build());

    @Override
    public List<ListColumn> columns() {
        return COLUMNS;
    }
}
