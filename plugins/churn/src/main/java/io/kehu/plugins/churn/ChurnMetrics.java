package io.kehu.plugins.churn;

import io.kehu.sdk.forms.DefinitionText;
import io.kehu.sdk.metrics.MetricDefinitionProvider;
import java.util.List;
import org.pf4j.Extension;

/**
 * The churn figures offered in the dashboard editor while the plugin runs: the win-back rate of closed churn cases
 * and the customers lost per month (both by the month lost), the customers per current risk level, and the retention
 * rate (customers not lost, by region).
 */
@Extension
public class ChurnMetrics implements MetricDefinitionProvider {

    static final List<String> IDS = List.of("churn_win_back_rate", "churn_lost_customers", "churn_customers_by_risk",
            "churn_retention_rate");

    @Override
    public List<DefinitionText> metrics() {
        return IDS.stream().map(id -> DefinitionText.fromResource(getClass(), "metrics/" + id + ".json")).toList();
    }
}
