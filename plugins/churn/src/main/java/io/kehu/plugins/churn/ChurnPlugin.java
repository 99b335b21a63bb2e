package io.kehu.plugins.churn;

import io.kehu.sdk.KehuPlugin;
import io.kehu.sdk.PluginContext;

/**
 * Churn warning and analysis: features from the archive, an explainable risk score from the admin's rules and a
 * model trained on the company's own history, win-back tasks, and a tracked case for every lost customer.
 */
public class ChurnPlugin extends KehuPlugin {

    public ChurnPlugin(PluginContext context) {
        super(context);
    }

    @Override
    public void start() {
        context().logger().info("churn {} started; active model {}", context().pluginVersion(),
                new ChurnSettings(context()).activeModelVersion().map(String::valueOf).orElse("none"));
    }
}
