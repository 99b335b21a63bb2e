package io.kehu.platform.webhooks.delivery;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;

import io.kehu.platform.webhooks.DeliveryStatus;
import io.kehu.platform.webhooks.EventType;
import io.kehu.platform.webhooks.PayloadFormat;
import io.kehu.platform.webhooks.WebhookAttempt;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Component;

/**
 * The deliveries table as a work queue. {@link #claim} takes due deliveries with {@code FOR UPDATE SKIP LOCKED} (rows
 * another node holds are skipped, not waited for), counts the attempt and moves the due time one lease ahead, all
 * in the caller's short transaction; the HTTP call happens after that commit, so no transaction stays open for a
 * slow receiver. A node that dies mid-call leaves the delivery due again once the lease ends. Results are written
 * only by the claimant of that attempt ({@code attempts} still equal), so two nodes never send, or record, the same
 * attempt twice.
 */
@Component
public class DeliveryQueue {

    /** Longer than the 10 s HTTP timeout, so a live claimant always records its result before the lease ends. */
    public static final Duration LEASE = Duration.ofMinutes(2);
    private static final Table<Record> DELIVERY = table(name("kehu_webhook_delivery"));
    private static final Field<Long> ID = field(name("kehu_webhook_delivery", "id"), Long.class);
    private static final Field<String> EVENT_ID = field(name("kehu_webhook_delivery", "event_id"), String.class);
    private static final Field<Long> ENDPOINT_ID = field(name("kehu_webhook_delivery", "endpoint_id"), Long.class);
    private static final Field<String> STATUS = field(name("kehu_webhook_delivery", "status"), String.class);
    private static final Field<Integer> ATTEMPTS = field(name("kehu_webhook_delivery", "attempts"), Integer.class);
    private static final Field<Integer> FAILURES = field(name("kehu_webhook_delivery", "failures_in_row"),
            Integer.class);
    private static final Field<OffsetDateTime> NEXT_AT = field(name("kehu_webhook_delivery", "next_attempt_at"),
            OffsetDateTime.class);
    private static final Field<Integer> LAST_CODE = field(name("kehu_webhook_delivery", "last_status_code"),
            Integer.class);
    private static final Table<Record> ENDPOINT = table(name("kehu_webhook_endpoint"));
    private static final Field<Long> ENDPOINT_PK = field(name("kehu_webhook_endpoint", "id"), Long.class);
    private static final Field<Boolean> ENABLED = field(name("kehu_webhook_endpoint", "enabled"), Boolean.class);
    private static final Field<String> URL = field(name("kehu_webhook_endpoint", "url"), String.class);
    private static final Field<String> FORMAT = field(name("kehu_webhook_endpoint", "payload_format"), String.class);
    private static final Table<Record> EVENT = table(name("kehu_webhook_event"));
    private static final Field<String> EVENT_PK = field(name("kehu_webhook_event", "id"), String.class);
    private static final Field<String> EVENT_TYPE = field(name("kehu_webhook_event", "event_type"), String.class);
    private static final Field<String> PAYLOAD = field(name("kehu_webhook_event", "payload"), String.class);
    private static final Table<Record> ATTEMPT = table(name("kehu_webhook_attempt"));
    private static final Field<Long> A_DELIVERY = field(name("kehu_webhook_attempt", "delivery_id"), Long.class);
    private static final Field<Integer> A_ATTEMPT = field(name("kehu_webhook_attempt", "attempt"), Integer.class);
    private static final Field<OffsetDateTime> A_AT = field(name("kehu_webhook_attempt", "attempted_at"),
            OffsetDateTime.class);
    private static final Field<Integer> A_CODE = field(name("kehu_webhook_attempt", "status_code"), Integer.class);
    private static final Field<Long> A_LATENCY = field(name("kehu_webhook_attempt", "latency_ms"), Long.class);
    private static final Field<String> A_EXCERPT = field(name("kehu_webhook_attempt", "response_excerpt"),
            String.class);
    private static final Field<String> A_ERROR = field(name("kehu_webhook_attempt", "error"), String.class);

    private final DSLContext dsl;

    public DeliveryQueue(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Claims up to {@code limit} due deliveries of enabled endpoints; call inside a transaction. */
    public List<ClaimedDelivery> claim(Instant now, int limit) {
        List<Long> due = dsl.select(ID).from(DELIVERY)
                .where(STATUS.eq(DeliveryStatus.PENDING.name()).and(NEXT_AT.le(utc(now)))
                        .and(ENDPOINT_ID.in(select(ENDPOINT_PK).from(ENDPOINT).where(ENABLED.isTrue()))))
                .orderBy(NEXT_AT, ID).limit(limit)
                .forUpdate().skipLocked()
                .fetch(ID);
        if (due.isEmpty()) {
            return List.of();
        }
        dsl.update(DELIVERY).set(ATTEMPTS, ATTEMPTS.plus(1)).set(NEXT_AT, utc(now.plus(LEASE)))
                .where(ID.in(due)).execute();
        return claimed(ID.in(due));
    }

    /** Claims one delivery now, whatever its due time (the console's test event); empty when another node holds it. */
    public Optional<ClaimedDelivery> claimNow(long deliveryId, Instant now) {
        List<Long> row = dsl.select(ID).from(DELIVERY)
                .where(ID.eq(deliveryId).and(STATUS.eq(DeliveryStatus.PENDING.name())))
                .forUpdate().skipLocked().fetch(ID);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        dsl.update(DELIVERY).set(ATTEMPTS, ATTEMPTS.plus(1)).set(NEXT_AT, utc(now.plus(LEASE)))
                .where(ID.eq(deliveryId)).execute();
        return claimed(ID.eq(deliveryId)).stream().findFirst();
    }

    private List<ClaimedDelivery> claimed(org.jooq.Condition which) {
        return dsl.select(ID, EVENT_ID, ENDPOINT_ID, ATTEMPTS, FAILURES, URL, FORMAT, PAYLOAD).from(DELIVERY)
                .join(ENDPOINT).on(ENDPOINT_PK.eq(ENDPOINT_ID))
                .join(EVENT).on(EVENT_PK.eq(EVENT_ID))
                .where(which).orderBy(NEXT_AT, ID)
                .fetch(r -> new ClaimedDelivery(r.get(ID), r.get(EVENT_ID), r.get(ENDPOINT_ID), r.get(ATTEMPTS),
                        r.get(FAILURES), r.get(URL), PayloadFormat.valueOf(r.get(FORMAT)), r.get(PAYLOAD)));
    }

    /**
     * Records the outcome of a claimed attempt: the attempt row, and the delivery's new state ({@code nextAttempt}
     * null: no retry left, it failed). Returns false when the claim was lost (the lease ran out and another node took
     * the delivery); then nothing is written.
     */
    public boolean record(ClaimedDelivery claim, Instant at, SendOutcome outcome, Instant nextAttempt) {
        DeliveryStatus status = outcome.succeeded() ? DeliveryStatus.SUCCEEDED
                : nextAttempt == null ? DeliveryStatus.FAILED : DeliveryStatus.PENDING;
        int updated = dsl.update(DELIVERY).set(STATUS, status.name())
                .set(FAILURES, outcome.succeeded() ? 0 : claim.failuresInRow() + 1)
                .set(NEXT_AT, nextAttempt == null ? null : utc(nextAttempt))
                .set(LAST_CODE, outcome.statusCode())
                .where(ID.eq(claim.deliveryId()).and(ATTEMPTS.eq(claim.attempt()))).execute();
        if (updated == 0) {
            return false;
        }
        dsl.insertInto(ATTEMPT, A_DELIVERY, A_ATTEMPT, A_AT, A_CODE, A_LATENCY, A_EXCERPT, A_ERROR)
                .values(claim.deliveryId(), claim.attempt(), utc(at), outcome.statusCode(), outcome.latencyMillis(),
                        outcome.responseExcerpt(), outcome.error())
                .execute();
        return true;
    }

    /** Hands a claimed delivery back untried: the attempt is not counted and it is due at once. */
    public void release(ClaimedDelivery claim, Instant now) {
        dsl.update(DELIVERY).set(ATTEMPTS, ATTEMPTS.minus(1)).set(NEXT_AT, utc(now))
                .where(ID.eq(claim.deliveryId()).and(ATTEMPTS.eq(claim.attempt()))).execute();
    }

    /** Sends a delivery again from a fresh retry schedule; false when it is still pending. */
    public boolean replay(long deliveryId, Instant now) {
        return dsl.update(DELIVERY).set(STATUS, DeliveryStatus.PENDING.name()).set(FAILURES, 0)
                .set(NEXT_AT, utc(now))
                .where(ID.eq(deliveryId).and(STATUS.ne(DeliveryStatus.PENDING.name()))).execute() == 1;
    }

    /** Replays every failed delivery of an endpoint; returns how many. */
    public int replayFailed(long endpointId, Instant now) {
        return dsl.update(DELIVERY).set(STATUS, DeliveryStatus.PENDING.name()).set(FAILURES, 0)
                .set(NEXT_AT, utc(now))
                .where(ENDPOINT_ID.eq(endpointId).and(STATUS.eq(DeliveryStatus.FAILED.name()))).execute();
    }

    /** Adds a delivery of an existing event to one endpoint, due now (the test event). */
    public long enqueue(String eventId, long endpointId, Instant now) {
        return dsl.insertInto(DELIVERY)
                .columns(EVENT_ID, ENDPOINT_ID, STATUS, NEXT_AT, field(name("created_at"), OffsetDateTime.class))
                .values(eventId, endpointId, DeliveryStatus.PENDING.name(), utc(now), utc(now))
                .returningResult(ID).fetchOne(ID);
    }

    /** The attempts to an endpoint since {@code since}, newest first. */
    public List<WebhookAttempt> attempts(long endpointId, Instant since, int offset, int limit) {
        return dsl.select(A_DELIVERY, EVENT_ID, EVENT_TYPE, A_ATTEMPT, A_AT, A_CODE, A_LATENCY, A_EXCERPT, A_ERROR,
                        STATUS)
                .from(ATTEMPT).join(DELIVERY).on(ID.eq(A_DELIVERY)).join(EVENT).on(EVENT_PK.eq(EVENT_ID))
                .where(ENDPOINT_ID.eq(endpointId).and(A_AT.ge(utc(since))))
                .orderBy(A_AT.desc(), A_DELIVERY.desc(), A_ATTEMPT.desc())
                .offset(offset).limit(limit)
                .fetch(r -> new WebhookAttempt(r.get(A_DELIVERY), r.get(EVENT_ID),
                        EventType.ofWireName(r.get(EVENT_TYPE)).orElse(EventType.TEST), r.get(EVENT_TYPE), r.get(A_ATTEMPT),
                        r.get(A_AT).toInstant(), r.get(A_CODE), r.get(A_LATENCY), r.get(A_EXCERPT), r.get(A_ERROR),
                        DeliveryStatus.valueOf(r.get(STATUS))));
    }

    public int countAttempts(long endpointId, Instant since) {
        return dsl.fetchCount(dsl.select(A_DELIVERY).from(ATTEMPT).join(DELIVERY).on(ID.eq(A_DELIVERY))
                .where(ENDPOINT_ID.eq(endpointId).and(A_AT.ge(utc(since)))));
    }

    /** How many of an endpoint's deliveries stand at {@code status}. */
    public int count(long endpointId, DeliveryStatus status) {
        return dsl.fetchCount(DELIVERY, ENDPOINT_ID.eq(endpointId).and(STATUS.eq(status.name())));
    }

    /**
     * Forgets what the console no longer shows: attempts before {@code cutoff}, then finished deliveries without
     * attempts, then events without deliveries, all created before it. Pending deliveries and their events stay.
     *
     * @return how many events were removed
     */
    public int purge(Instant cutoff) {
        OffsetDateTime before = utc(cutoff);
        dsl.deleteFrom(ATTEMPT).where(A_AT.lt(before)).execute();
        Field<OffsetDateTime> deliveryCreated = field(name("kehu_webhook_delivery", "created_at"),
                OffsetDateTime.class);
        dsl.deleteFrom(DELIVERY).where(STATUS.ne(DeliveryStatus.PENDING.name()).and(deliveryCreated.lt(before))
                .and(ID.notIn(select(A_DELIVERY).from(ATTEMPT)))).execute();
        Field<OffsetDateTime> eventCreated = field(name("kehu_webhook_event", "created_at"), OffsetDateTime.class);
        return dsl.deleteFrom(EVENT).where(eventCreated.lt(before)
                .and(EVENT_PK.notIn(select(EVENT_ID).from(DELIVERY)))).execute();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
