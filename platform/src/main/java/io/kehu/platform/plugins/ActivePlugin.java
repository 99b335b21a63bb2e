package io.kehu.platform.plugins;

import io.kehu.platform.plugins.sdk.HostPluginContext;

import java.util.List;
import java.util.Map;

/**
 * A started plugin and the extension instances the host took from it when it started. Bridges (guards, routes,
 * navigation, widgets, panels, rule functions) read them from here rather than asking PF4J on every call: one broken
 * extension found at start makes the plugin FAILED once, instead of failing every request.
 *
 * @param pluginId the plugin
 * @param name the plugin's display name (its description, else its id)
 * @param context what it was lent
 * @param extensions extension point → instances
 */
public record ActivePlugin(String pluginId, String name, HostPluginContext context, Map<Class<?>, List<?>> extensions) {

    @SuppressWarnings("unchecked")
    public <T> List<T> get(Class<T> point) {
        return (List<T>) extensions.getOrDefault(point, List.of());
    }
}
