package io.kehu.platform.webhooks;

import java.util.Set;

/**
 * What an admin enters for an endpoint.
 *
 * @param url an {@code http} or {@code https} URL
 * @param description what it is for, or null
 * @param format the body it receives
 * @param eventTypes the event types it receives (at least one, unless it is a workflow's notify channel)
 * @param formIds the forms whose events it receives; empty means every form
 * @param pluginIds with {@link EventType#PLUGIN}: the plugins whose events it receives; empty means every plugin
 * @param rule a Groovy condition on the record (only with exactly one form); events of records it does not hold for
 *     are not sent; null for none
 * @param channel the name a workflow's {@code notify} action uses to send to this endpoint ({@code "webhook"}), or
 *     null
 * @param robotSecret the DingTalk or Feishu robot's signing secret (加签), or null when the robot does not sign
 */
public record EndpointSettings(String url, String description, PayloadFormat format, Set<EventType> eventTypes,
        Set<String> formIds, Set<String> pluginIds, String rule, String channel, String robotSecret) {

    public EndpointSettings {
        eventTypes = Set.copyOf(eventTypes);
        formIds = Set.copyOf(formIds);
        pluginIds = Set.copyOf(pluginIds);
        rule = blankToNull(rule);
        channel = blankToNull(channel);
        robotSecret = blankToNull(robotSecret);
    }

    /** Settings without plugin choice, rule, channel name or robot secret. */
    public EndpointSettings(String url, String description, PayloadFormat format, Set<EventType> eventTypes,
            Set<String> formIds) {
        this(url, description, format, eventTypes, formIds, Set.of(), null, null, null);
    }

    public EndpointSettings withPlugins(Set<String> plugins) {
        return new EndpointSettings(url, description, format, eventTypes, formIds, plugins, rule, channel,
                robotSecret);
    }

    public EndpointSettings withRule(String condition) {
        return new EndpointSettings(url, description, format, eventTypes, formIds, pluginIds, condition, channel,
                robotSecret);
    }

    public EndpointSettings withChannel(String name) {
        return new EndpointSettings(url, description, format, eventTypes, formIds, pluginIds, rule, name,
                robotSecret);
    }

    public EndpointSettings withRobotSecret(String secret) {
        return new EndpointSettings(url, description, format, eventTypes, formIds, pluginIds, rule, channel, secret);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
