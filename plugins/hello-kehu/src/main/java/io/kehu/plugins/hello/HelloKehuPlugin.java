package io.kehu.plugins.hello;

import io.kehu.sdk.KehuPlugin;
import io.kehu.sdk.PluginContext;

/** The plugin's main class: says hello in the log when started, so an admin sees it came up. */
public class HelloKehuPlugin extends KehuPlugin {

    public HelloKehuPlugin(PluginContext context) {
        super(context);
    }

    @Override
    public void start() {
        context().logger().info("hello-kehu {} started", context().pluginVersion());
    }
}
