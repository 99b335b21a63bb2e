package io.kehu.platform.webhooks.delivery;

import io.kehu.platform.webhooks.PayloadFormat;

/**
 * A delivery this node holds the lease of, for one attempt.
 *
 * @param deliveryId the delivery
 * @param eventId the event's stable id ({@code webhook-id})
 * @param endpointId the endpoint
 * @param attempt the number of this attempt (1 = first)
 * @param failuresInRow failures of this delivery since it was last (re)queued
 * @param url where it goes
 * @param format the body the endpoint wants
 * @param payload the event's stored body
 */
public record ClaimedDelivery(long deliveryId, String eventId, long endpointId, int attempt, int failuresInRow,
        String url, PayloadFormat format, String payload) {
}
