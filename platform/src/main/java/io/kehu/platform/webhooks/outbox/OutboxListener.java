package io.kehu.platform.webhooks.outbox;

import io.kehu.platform.plugins.PluginEventPublished;
import io.kehu.platform.records.RecordEvents;
import io.kehu.platform.records.RecordsSavedInBulk;
import io.kehu.platform.webhooks.EventType;
import io.kehu.platform.webhooks.WebhookEndpoint;
import io.kehu.platform.webhooks.endpoints.EndpointStore;
import io.kehu.platform.workflow.WorkflowNotice;
import io.kehu.platform.workflow.WorkflowStep;
import io.kehu.platform.workflow.WorkflowTaskChanged;
import io.kehu.platform.workflow.WorkflowTransitioned;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns the platform's in-transaction events into outbox rows: record changes, workflow transitions, tasks, notices
 * (a workflow's {@code notify} naming a channel, a plugin's message) and plugins' bus events. Plain
 * {@code @EventListener}s run synchronously in the publisher's transaction: the event and its deliveries commit with
 * the change, and a rolled-back write leaves nothing. (A {@code @TransactionalEventListener(AFTER_COMMIT)} would lose
 * events on a crash between commit and listener.) Subscribers are matched now, so an endpoint added later does not
 * receive older events, and a change no enabled endpoint subscribed to writes no event at all: without webhooks in use
 * the write path pays nothing (an import of a million rows would otherwise write a million unread events). Endpoints
 * with a rule get the event only when it holds for the record ({@link SubscriptionRules}). Sequence numbers count the
 * events written per record.
 */
@Component
class OutboxListener {

    private static final String PLUGIN_SOURCE = "plugin:";
    private static final int MAX_NAME = 200;

    private final OutboxStore outbox;
    private final EventPayloads payloads;
    private final EndpointStore endpoints;
    private final SubscriptionRules rules;
    private final TransactionTemplate transaction;
    private final Clock clock = Clock.systemUTC();
    private final MissingChannels missingChannels;

    OutboxListener(OutboxStore outbox, EventPayloads payloads, EndpointStore endpoints, SubscriptionRules rules,
            MissingChannels missingChannels, PlatformTransactionManager transactions) {
        this.missingChannels = missingChannels;
        this.outbox = outbox;
        this.payloads = payloads;
        this.endpoints = endpoints;
        this.rules = rules;
        this.transaction = new TransactionTemplate(transactions);
    }

    @EventListener
    void saved(RecordEvents.Saved saved) {
        EventType type = saved.created() ? EventType.RECORD_CREATED : EventType.RECORD_UPDATED;
        if (!saved.created() && saved.changedFields().isEmpty()) {
            return; // a save that changed nothing tells receivers nothing
        }
        Instant now = clock.instant();
        List<Long> to = subscribers(type, type.wireName(), saved.formId(), saved.id(), now);
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
        EventType type = EventType.RECORD_DELETED;
        List<WebhookEndpoint> wanting = endpoints.subscribers(type, type.wireName(), deleted.formId(), now);
        // The record can no longer be read: a rule judges the values it had when it was deleted.
        List<Long> to = wanting.isEmpty() ? List.of()
                : rules.filter(wanting, deleted.formId(), deleted.id(), deleted.lastValues(), now);
        if (to.isEmpty()) {
            return;
        }
        long sequence = outbox.nextSequence(deleted.formId(), deleted.id());
        String body = payloads.recordEvent(type, deleted.formId(), deleted.id(), sequence, Set.of(), now);
        outbox.append(new OutboxEvent(OutboxStore.newId(), type, deleted.formId(), deleted.id(), sequence, body), to,
                now);
    }

    @EventListener
    void savedInBulk(RecordsSavedInBulk bulk) {
        EventType type = bulk.created() ? EventType.RECORD_CREATED : EventType.RECORD_UPDATED;
        Instant now = clock.instant();
        List<WebhookEndpoint> wanting = endpoints.subscribers(type, type.wireName(), bulk.formId(), now);
        if (wanting.isEmpty()) {
            return;
        }
        List<Long> ids = Arrays.stream(bulk.ids()).boxed().toList();
        Map<Long, Long> next = bulk.created() ? Map.of() : outbox.nextSequences(bulk.formId(), ids);
        boolean ruled = wanting.stream().anyMatch(e -> e.rule() != null);
        List<Long> everyone = wanting.stream().map(WebhookEndpoint::id).toList();
        // Without rules one batch per chunk; with them, records are grouped by the endpoints their rules let through.
        Map<List<Long>, List<OutboxEvent>> byReceivers = new HashMap<>();
        for (long id : ids) {
            List<Long> to = ruled ? rules.filter(wanting, bulk.formId(), id, now) : everyone;
            if (to.isEmpty()) {
                continue;
            }
            long sequence = next.getOrDefault(id, 1L);
            byReceivers.computeIfAbsent(to, k -> new ArrayList<>()).add(new OutboxEvent(OutboxStore.newId(), type,
                    bulk.formId(), id, sequence,
                    payloads.bulkRecordEvent(type, bulk.formId(), id, sequence, bulk.changedFields(), now)));
        }
        byReceivers.forEach((to, events) -> outbox.appendAll(events, to, now));
    }

    @EventListener
    void transitioned(WorkflowTransitioned moved) {
        Instant now = clock.instant();
        EventType type = EventType.WORKFLOW_TRANSITION;
        List<Long> to = subscribers(type, type.wireName(), moved.formId(), moved.recordId(), now);
        if (to.isEmpty()) {
            return;
        }
        WorkflowStep step = moved.step();
        long sequence = outbox.nextSequence(moved.formId(), moved.recordId());
        String body = payloads.transitionEvent(moved.formId(), moved.recordId(), sequence, step.workflowId(),
                step.transitionId(), moved.transitionLabel(), step.from(), moved.fromLabel(), step.to(),
                moved.toLabel(), step.comment(), step.actedByName(), now);
        outbox.append(new OutboxEvent(OutboxStore.newId(), type, moved.formId(), moved.recordId(), sequence, body),
                to, now);
    }

    @EventListener
    void task(WorkflowTaskChanged changed) {
        EventType type = switch (changed.change()) {
            case CREATED -> EventType.TASK_CREATED;
            case ASSIGNED -> EventType.TASK_ASSIGNED;
            case COMPLETED -> EventType.TASK_COMPLETED;
        };
        String formId = changed.task().formId();
        long recordId = changed.task().recordId();
        Instant now = clock.instant();
        List<Long> to = subscribers(type, type.wireName(), formId, recordId, now);
        if (to.isEmpty()) {
            return;
        }
        long sequence = outbox.nextSequence(formId, recordId);
        outbox.append(new OutboxEvent(OutboxStore.newId(), type, formId, recordId, sequence,
                payloads.taskEvent(type, changed, sequence, now)), to, now);
    }

    /**
     * A notice: sent to the channel a workflow's {@code notify} names (that endpoint only, whatever it subscribed),
     * and a plugin's message as its event {@code plugin.<id>.message} to the endpoints subscribed to that plugin.
     */
    @EventListener
    void notice(WorkflowNotice notice) {
        Instant now = clock.instant();
        if (notice.channel() != null) {
            var endpoint = endpoints.channel(notice.channel(), now);
            if (endpoint.isEmpty()) {
                // Not the writer's fault: the notice still reaches people in the app; administrators are told once.
                missingChannels.named(notice.channel(), notice.workflowId(), now);
            } else {
                missingChannels.served(notice.channel());
                append(EventType.NOTIFY.wireName(), notice, List.of(endpoint.get().id()), now);
            }
        }
        if (notice.kind() == WorkflowNotice.Kind.MESSAGE && notice.workflowId().startsWith(PLUGIN_SOURCE)) {
            String name = EventType.pluginEvent(notice.workflowId().substring(PLUGIN_SOURCE.length()), "message");
            List<Long> to = subscribers(EventType.PLUGIN, name, notice.formId(), notice.recordId(), now);
            if (!to.isEmpty()) {
                append(name, notice, to, now);
            }
        }
    }

    private void append(String name, WorkflowNotice notice, List<Long> to, Instant now) {
        long sequence = outbox.nextSequence(notice.formId(), notice.recordId());
        outbox.append(new OutboxEvent(OutboxStore.newId(), name, notice.formId(), notice.recordId(), sequence,
                payloads.noticeEvent(name, notice.formId(), notice.recordId(), sequence, notice.workflowId(),
                        notice.message(), now)), to, now);
    }

    /**
     * A plugin's bus event, as {@code plugin.<id>.<topic>} (a topic's own {@code <id>.} prefix dropped). It concerns
     * no record: no sequence number, no rule. Written in the publisher's transaction, or in one of its own.
     */
    @EventListener
    void plugin(PluginEventPublished published) {
        String topic = published.topic().startsWith(published.pluginId() + ".")
                ? published.topic().substring(published.pluginId().length() + 1) : published.topic();
        String name = EventType.pluginEvent(published.pluginId(), topic);
        if (name.length() > MAX_NAME) {
            name = name.substring(0, MAX_NAME); // the column's width; topics are free text
        }
        String type = name;
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            List<Long> to = subscribers(EventType.PLUGIN, type, null, null, now);
            if (!to.isEmpty()) {
                outbox.append(new OutboxEvent(OutboxStore.newId(), type, null, null, 0,
                        payloads.pluginEvent(type, published.pluginId(), published.topic(), published.payload(),
                                now)), to, now);
            }
        });
    }

    private List<Long> subscribers(EventType type, String name, String formId, Long recordId, Instant now) {
        List<WebhookEndpoint> wanting = endpoints.subscribers(type, name, formId, now);
        return wanting.isEmpty() ? List.of() : rules.filter(wanting, formId, recordId, now);
    }
}
