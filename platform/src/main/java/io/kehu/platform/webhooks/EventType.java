package io.kehu.platform.webhooks;

import java.util.Arrays;
import java.util.Optional;

/** What happened, as receivers read it in the payload's {@code type}. */
public enum EventType {
    RECORD_CREATED("record.created"),
    RECORD_UPDATED("record.updated"),
    RECORD_DELETED("record.deleted"),
    WORKFLOW_TRANSITION("workflow.transition"),
    /** Sent from the console to check an endpoint; never from a change. */
    TEST("webhook.test");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name in payloads and in the endpoint's subscription. */
    public String wireName() {
        return wireName;
    }

    public static Optional<EventType> ofWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
