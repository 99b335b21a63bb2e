package io.kehu.platform.webhooks.outbox;

import io.kehu.platform.webhooks.EventType;

/**
 * One stored event.
 *
 * @param id the stable id ({@code msg_…}), the same on every attempt and replay
 * @param type the event's name as receivers read it, e.g. {@code record.created} or {@code plugin.survey.completed}
 * @param formId the record's form, or null (a test event, a plugin's event about no record)
 * @param recordId the record, or null
 * @param sequence the record's event number, counting from 1 (0 for an event about no record)
 * @param payload the Standard Webhooks JSON body
 */
public record OutboxEvent(String id, String type, String formId, Long recordId, long sequence, String payload) {

    public OutboxEvent(String id, EventType type, String formId, Long recordId, long sequence, String payload) {
        this(id, type.wireName(), formId, recordId, sequence, payload);
    }

    /** The kind of event ({@link EventType#PLUGIN} for every plugin event). */
    public EventType kind() {
        return EventType.ofWireName(type).orElseThrow();
    }
}
