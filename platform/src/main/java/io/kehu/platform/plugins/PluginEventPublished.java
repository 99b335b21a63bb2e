package io.kehu.platform.plugins;

import java.util.Map;

/**
 * A plugin published an event on its bus ({@code PluginContext.events().publish}), re-published as a Spring event in
 * the publisher's thread and transaction, if any, so platform features (the webhook outbox) can pass it on.
 *
 * @param pluginId the plugin that published it
 * @param topic the topic as the plugin named it, e.g. {@code survey.completed}
 * @param payload its data (simple values)
 */
public record PluginEventPublished(String pluginId, String topic, Map<String, Object> payload) {

    public PluginEventPublished {
        payload = Map.copyOf(payload);
    }
}
