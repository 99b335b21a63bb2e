package io.kehu.plugins.loyalty;

import io.kehu.sdk.KehuPlugin;
import io.kehu.sdk.PluginContext;

/** Loyalty points: an append-only ledger that never awards twice, earning from purchases, redemption. */
public class LoyaltyPlugin extends KehuPlugin {

    public LoyaltyPlugin(PluginContext context) {
        super(context);
    }

    @Override
    public void start() {
        context().logger().info("loyalty {} started", context().pluginVersion());
    }
}
