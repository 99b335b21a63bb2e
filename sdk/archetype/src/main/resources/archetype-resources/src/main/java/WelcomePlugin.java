package ${package};

import io.kehu.sdk.KehuPlugin;
import io.kehu.sdk.PluginContext;

/** The plugin's main class: Kehu creates it with the plugin's context and calls start/stop. */
public class WelcomePlugin extends KehuPlugin {

    public WelcomePlugin(PluginContext context) {
        super(context);
    }

    @Override
    public void start() {
        context().logger().info("${pluginId} {} started", context().pluginVersion());
    }
}
