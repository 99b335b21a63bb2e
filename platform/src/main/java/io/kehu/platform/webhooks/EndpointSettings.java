package io.kehu.platform.webhooks;

import java.util.Set;

/**
 * What an admin enters for an endpoint.
 *
 * @param url an {@code http} or {@code https} URL
 * @param description what it is for, or null
 * @param format the body it receives
 * @param eventTypes the event types it receives (at least one)
 * @param formIds the forms whose events it receives; empty means every form
 */
public record EndpointSettings(String url, String description, PayloadFormat format, Set<EventType> eventTypes,
        Set<String> formIds) {

    public EndpointSettings {
        eventTypes = Set.copyOf(eventTypes);
        formIds = Set.copyOf(formIds);
    }
}
