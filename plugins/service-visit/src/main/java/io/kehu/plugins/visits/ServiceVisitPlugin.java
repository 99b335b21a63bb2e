package io.kehu.plugins.visits;

import io.kehu.sdk.KehuPlugin;
import io.kehu.sdk.PluginContext;

/**
 * Service visits (上门服务): visit types with checklists, booking with conflict checks, the visitor's phone screen,
 * the customer's signature and feedback card, and the managers' review. The shipped types and the code of conduct
 * are written the first time the catalog is read (the forms are published only after {@link #start()}).
 */
public class ServiceVisitPlugin extends KehuPlugin {

    public ServiceVisitPlugin(PluginContext context) {
        super(context);
    }

    @Override
    public void start() {
        context().logger().info("service-visit {} started", context().pluginVersion());
    }
}
