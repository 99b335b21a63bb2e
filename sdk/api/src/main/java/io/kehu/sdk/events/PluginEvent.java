package io.kehu.sdk.events;

import java.util.Map;

/**
 * An event on the {@link PluginEvents} bus.
 *
 * @param topic what it is about
 * @param sourcePlugin the id of the plugin that published it
 * @param payload its data (simple values)
 */
public record PluginEvent(String topic, String sourcePlugin, Map<String, Object> payload) {

    public PluginEvent {
        payload = Map.copyOf(payload);
    }
}
