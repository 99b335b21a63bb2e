package io.kehu.platform.webhooks.outbox;

import io.kehu.platform.records.RecordEvents;
import io.kehu.platform.records.RecordsSavedInBulk;
import io.kehu.platform.webhooks.EventType;
import io.kehu.platform.webhooks.WebhookEndpoint;
import io.kehu.platform.webhooks.endpoints.EndpointStore;
import io.kehu.platform.workflow.WorkflowStep;
import io.kehu.platform.workflow.WorkflowTransitioned;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the platform's in-transaction events into outbox rows. Plain {@code @EventListener}s run synchronously in the
 * publisher's transaction: the event and its deliveries commit with the change, and a rolled-back write leaves
 * nothing. (A {@code @TransactionalEventListener(AFTER_COMMIT)} would lose events on a crash between commit and
 * listener.) Subscribers are matched now, so an endpoint added later does not receive older events, and a change no
 * enabled endpoint subscribed to writes no event at all: without webhooks in use the write path pays nothing (an import
 * of a million rows would otherwise write a million unread events). Sequence numbers count the events
 * written per record.
 */
@Component
class OutboxListener {

    private final OutboxStore outbox;
    private final EventPayloads payloads;
    private final EndpointStore endpoints;
    private final Clock clock = Clock.systemUTC();

    OutboxListener(OutboxStore outbox, EventPayloads payloads, EndpointStore endpoints) {
        this.outbox = outbox;
        this.payloads = payloads;
        this.endpoints = endpoints;
    }

    @EventListener
    void saved(RecordEvents.Saved saved) {
        EventType type = saved.created() ? EventType.RECORD_CREATED : EventType.RECORD_UPDATED;
        if (!saved.created() && saved.changedFields().isEmpty()) {
            return; // a save that changed nothing tells receivers nothing
        }
        Instant now = clock.instant();
        List<Long> to = subscribers(type, saved.formId(), now);
        if (to.isEmpty()) {
            return;
        }
        long sequence = outbox.nextSequence(saved.formId(), saved.id());
        String body = payloads.recordEvent(type, saved.formId(), saved.id(), sequence, saved.changedFields(), now);
        outbox.append(new OutboxEvent(OutboxStore.newId(), type, saved.formId(), saved.id(), sequence, body), to,
                now);
    }

    @EventListener
    void deleted(RecordEvents.Deleted deleted) {
        Instant now = clock.instant();
        List<Long> to = subscribers(EventType.RECORD_DELETED, deleted.formId(), now);
        if (to.isEmpty()) {
            return;
        }
        long sequence = outbox.nextSequence(deleted.formId(), deleted.id());
        String body = payloads.recordEvent(EventType.RECORD_DELETED, deleted.formId(), deleted.id(), sequence,
                Set.of(), now);
        outbox.append(new OutboxEvent(OutboxStore.newId(), EventType.RECORD_DELETED, deleted.formId(), deleted.id(),
                sequence, body), to, now);
    }

    @EventListener
    void savedInBulk(RecordsSavedInBulk bulk) {
        EventType type = bulk.created() ? EventType.RECORD_CREATED : EventType.RECORD_UPDATED;
        Instant now = clock.instant();
        List<Long> to = subscribers(type, bulk.formId(), now);
        if (to.isEmpty()) {
            return;
        }
        List<Long> ids = Arrays.stream(bulk.ids()).boxed().toList();
        Map<Long, Long> next = bulk.created() ? Map.of() : outbox.nextSequences(bulk.formId(), ids);
        List<OutboxEvent> events = new ArrayList<>(ids.size());
        for (long id : ids) {
            long sequence = next.getOrDefault(id, 1L);
            events.add(new OutboxEvent(OutboxStore.newId(), type, bulk.formId(), id, sequence,
                    payloads.bulkRecordEvent(type, bulk.formId(), id, sequence, bulk.changedFields(), now)));
        }
        outbox.appendAll(events, to, now);
    }

    @EventListener
    void transitioned(WorkflowTransitioned moved) {
        Instant now = clock.instant();
        List<Long> to = subscribers(EventType.WORKFLOW_TRANSITION, moved.formId(), now);
        if (to.isEmpty()) {
            return;
        }
        WorkflowStep step = moved.step();
        long sequence = outbox.nextSequence(moved.formId(), moved.recordId());
        String body = payloads.transitionEvent(moved.formId(), moved.recordId(), sequence, step.workflowId(),
                step.transitionId(), moved.transitionLabel(), step.from(), moved.fromLabel(), step.to(),
                moved.toLabel(), step.comment(), step.actedByName(), now);
        outbox.append(new OutboxEvent(OutboxStore.newId(), EventType.WORKFLOW_TRANSITION, moved.formId(),
                moved.recordId(), sequence, body), to, now);
    }

    private List<Long> subscribers(EventType type, String formId, Instant now) {
        return endpoints.subscribers(type, formId, now).stream().map(WebhookEndpoint::id).toList();
    }
}
