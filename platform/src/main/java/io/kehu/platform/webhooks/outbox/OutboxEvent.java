package io.kehu.platform.webhooks.outbox;

import io.kehu.platform.webhooks.EventType;

/**
 * One stored event.
 *
 * @param id the stable id ({@code msg_…}), the same on every attempt and replay
 * @param type what happened
 * @param formId the record's form, or null for a test event
 * @param recordId the record, or null for a test event
 * @param sequence the record's event number, counting from 1 (0 for a test event)
 * @param payload the Standard Webhooks JSON body
 */
public record OutboxEvent(String id, EventType type, String formId, Long recordId, long sequence, String payload) {
}
