package io.kehu.platform.webhooks;

import java.time.Instant;

/**
 * One try to deliver one event to one endpoint, as the console lists it.
 *
 * @param deliveryId the delivery (event × endpoint)
 * @param eventId the event's stable id (the {@code webhook-id} header)
 * @param eventType what happened
 * @param eventName the event's name as sent ({@code plugin.survey.completed} for a plugin's event)
 * @param attempt which try of this delivery (1 = first)
 * @param at when it was sent
 * @param statusCode the HTTP status, or null when none came back
 * @param latencyMillis how long it took
 * @param responseExcerpt the start of the response body, or null
 * @param error what went wrong without a response (timeout, refused connection), or null
 * @param deliveryStatus where the delivery stands now
 */
public record WebhookAttempt(long deliveryId, String eventId, EventType eventType, String eventName,
        int attempt, Instant at,
        Integer statusCode, long latencyMillis, String responseExcerpt, String error, DeliveryStatus deliveryStatus) {

    public boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
}
