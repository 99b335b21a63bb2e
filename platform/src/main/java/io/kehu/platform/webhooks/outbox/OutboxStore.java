package io.kehu.platform.webhooks.outbox;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.kehu.platform.webhooks.DeliveryStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Component;

/**
 * Writes events and their deliveries in the caller's transaction, so both exist exactly when the change committed.
 * Sequence numbers count per record: the record's own write holds its row lock until commit, so two writes to one
 * record cannot read the same highest number.
 */
@Component
public class OutboxStore {

    private static final Table<Record> EVENT = table(name("kehu_webhook_event"));
    private static final Field<String> ID = field(name("id"), String.class);
    private static final Field<String> TYPE = field(name("event_type"), String.class);
    private static final Field<String> FORM_ID = field(name("form_id"), String.class);
    private static final Field<Long> RECORD_ID = field(name("record_id"), Long.class);
    private static final Field<Long> SEQUENCE = field(name("sequence_no"), Long.class);
    private static final Field<String> PAYLOAD = field(name("payload"), String.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);
    private static final Table<Record> DELIVERY = table(name("kehu_webhook_delivery"));
    private static final Field<String> EVENT_ID = field(name("event_id"), String.class);
    private static final Field<Long> ENDPOINT_ID = field(name("endpoint_id"), Long.class);
    private static final Field<String> STATUS = field(name("status"), String.class);
    private static final Field<OffsetDateTime> NEXT_AT = field(name("next_attempt_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> DELIVERY_CREATED = field(name("created_at"), OffsetDateTime.class);

    /** Rows per insert: a bulk chunk of 5,000 records stays far below PostgreSQL's 65,535 bind values. */
    static final int SLICE = 1000;

    private final DSLContext dsl;

    public OutboxStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The next sequence number of a record's events. */
    public long nextSequence(String formId, long recordId) {
        Long last = dsl.select(max(SEQUENCE)).from(EVENT).where(FORM_ID.eq(formId).and(RECORD_ID.eq(recordId)))
                .fetchOne(0, Long.class);
        return last == null ? 1 : last + 1;
    }

    /** The next sequence number of each of {@code recordIds} (one query for a bulk chunk). */
    public Map<Long, Long> nextSequences(String formId, Collection<Long> recordIds) {
        Map<Long, Long> next = new HashMap<>();
        dsl.select(RECORD_ID, max(SEQUENCE)).from(EVENT)
                .where(FORM_ID.eq(formId).and(RECORD_ID.in(recordIds))).groupBy(RECORD_ID)
                .forEach(r -> next.put(r.value1(), r.value2() + 1));
        return next;
    }

    /** Stores an event and a pending delivery to each endpoint, due at once; returns the event's id. */
    public String append(OutboxEvent event, Collection<Long> endpointIds, Instant now) {
        appendAll(List.of(event), endpointIds, now);
        return event.id();
    }

    /** Stores events and a pending delivery of each to each endpoint, in statements of at most {@code SLICE} rows. */
    public void appendAll(List<OutboxEvent> events, Collection<Long> endpointIds, Instant now) {
        OffsetDateTime at = utc(now);
        for (int from = 0; from < events.size(); from += SLICE) {
            var insert = dsl.insertInto(EVENT, ID, TYPE, FORM_ID, RECORD_ID, SEQUENCE, PAYLOAD, CREATED_AT);
            for (OutboxEvent e : events.subList(from, Math.min(from + SLICE, events.size()))) {
                insert = insert.values(e.id(), e.type(), e.formId(), e.recordId(), e.sequence(),
                        e.payload(), at);
            }
            insert.execute();
        }
        List<Object[]> deliveries = new ArrayList<>();
        for (OutboxEvent e : events) {
            for (long endpoint : endpointIds) {
                deliveries.add(new Object[] {e.id(), endpoint});
            }
        }
        for (int from = 0; from < deliveries.size(); from += SLICE) {
            var insert = dsl.insertInto(DELIVERY, EVENT_ID, ENDPOINT_ID, STATUS, NEXT_AT, DELIVERY_CREATED);
            for (Object[] d : deliveries.subList(from, Math.min(from + SLICE, deliveries.size()))) {
                insert = insert.values((String) d[0], (Long) d[1], DeliveryStatus.PENDING.name(), at, at);
            }
            insert.execute();
        }
    }

    /** The events of a record in sequence order (for tests and the console). */
    public List<OutboxEvent> eventsOf(String formId, long recordId) {
        return dsl.select(ID, TYPE, FORM_ID, RECORD_ID, SEQUENCE, PAYLOAD).from(EVENT)
                .where(FORM_ID.eq(formId).and(RECORD_ID.eq(recordId))).orderBy(SEQUENCE)
                .fetch(OutboxStore::event);
    }

    public Optional<OutboxEvent> event(String id) {
        return dsl.select(ID, TYPE, FORM_ID, RECORD_ID, SEQUENCE, PAYLOAD).from(EVENT).where(ID.eq(id))
                .fetchOptional(OutboxStore::event);
    }

    private static OutboxEvent event(Record r) {
        return new OutboxEvent(r.get(ID), r.get(TYPE), r.get(FORM_ID),
                r.get(RECORD_ID), r.get(SEQUENCE), r.get(PAYLOAD));
    }

    /** A fresh stable event id: receivers deduplicate on it (the {@code webhook-id} header). */
    public static String newId() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
