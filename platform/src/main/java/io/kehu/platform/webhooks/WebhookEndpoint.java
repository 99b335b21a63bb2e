package io.kehu.platform.webhooks;

import java.time.Instant;
import java.util.Set;

/**
 * A receiver admins subscribed. Its secrets are not part of this view: they are shown once when made.
 *
 * @param id the endpoint
 * @param url where events are POSTed
 * @param description what it is for, or null
 * @param format the body it receives
 * @param eventTypes the event types it receives
 * @param formIds the forms whose events it receives; empty means every form
 * @param enabled whether deliveries go out
 * @param consecutiveFailures failed attempts since the last success
 * @param disabledReason why the platform switched it off, or null
 * @param disabledAt when, or null
 * @param rotating whether a previous secret still signs (a rotation is under way)
 */
public record WebhookEndpoint(long id, String url, String description, PayloadFormat format, Set<EventType> eventTypes,
        Set<String> formIds, boolean enabled, int consecutiveFailures, String disabledReason, Instant disabledAt,
        boolean rotating) {

    public WebhookEndpoint {
        eventTypes = Set.copyOf(eventTypes);
        formIds = Set.copyOf(formIds);
    }

    /** Whether an event of {@code type} on {@code formId} goes to this endpoint. */
    public boolean wants(EventType type, String formId) {
        return eventTypes.contains(type) && (formIds.isEmpty() || formIds.contains(formId));
    }
}
