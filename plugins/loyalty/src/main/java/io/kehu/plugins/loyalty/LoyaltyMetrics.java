package io.kehu.plugins.loyalty;

import io.kehu.sdk.forms.DefinitionText;
import io.kehu.sdk.metrics.MetricDefinitionProvider;
import java.util.List;
import java.util.stream.Stream;
import org.pf4j.Extension;

/**
 * The loyalty figures for dashboards, over the monthly figures ({@code loyalty_month}, kept by {@link Liability}):
 * liability, points earned / redeemed / expired, active members and the redemption rate, per month.
 */
@Extension
public class LoyaltyMetrics implements MetricDefinitionProvider {

    static final List<String> IDS = List.of("loyalty_liability", "loyalty_points_earned", "loyalty_points_redeemed",
            "loyalty_points_expired", "loyalty_active_members", "loyalty_redemption_rate");

    @Override
    public List<DefinitionText> metrics() {
        return IDS.stream().flatMap(id -> Stream.of(DefinitionText.fromResource(getClass(), "metrics/" + id + ".json")))
                .toList();
    }
}
