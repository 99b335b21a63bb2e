package io.kehu.plugins.tiering;

import io.kehu.sdk.KehuPlugin;
import io.kehu.sdk.PluginContext;

/** Objective customer tiering: levels from purchases, re-evaluated each period, with history and entitlements. */
public class TieringPlugin extends KehuPlugin {

    public TieringPlugin(PluginContext context) {
        super(context);
    }

    @Override
    public void start() {
        context().logger().info("tiering {} started; active scheme {}", context().pluginVersion(),
                new TieringSettings(context()).activeScheme().id());
    }
}
