package io.kehu.platform.webhooks.delivery;

import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.i18n.ProblemTexts;
import io.kehu.platform.notifications.Notifications;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.webhooks.PayloadFormat;
import io.kehu.platform.webhooks.endpoints.EndpointStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries: claim (short transaction), POST (no transaction), record the outcome (short transaction).
 * Every method takes the instant to act at, so tests drive the retry schedule with their own clock. After
 * {@code kehu.webhooks.disable-after} failed attempts in a row the endpoint is switched off; the admin console shows
 * why, every administrator gets an in-app notification, and it is logged as a warning.
 */
@Component
public class Courier {

    /** Deliveries claimed per round; the poller runs rounds until nothing is due. */
    public static final int BATCH = 50;
    /** How long outcomes wait to be recorded at most: far below the 2-minute lease of the batch. */
    static final java.time.Duration FLUSH_AFTER = java.time.Duration.ofSeconds(20);
    /** The reason stored on an endpoint the platform switched off; the console words it per language. */
    public static final String TOO_MANY_FAILURES = "CONSECUTIVE_FAILURES";
    private static final Logger log = LoggerFactory.getLogger(Courier.class);
    private static final SecureRandom JITTER = new SecureRandom();

    private final DeliveryQueue queue;
    private final EndpointStore endpoints;
    private final Sender sender;
    private final TransactionTemplate transaction;
    private final int disableAfter;
    private final Notifications notifications;
    private final UserAccounts accounts;
    private RetrySchedule schedule = new RetrySchedule(JITTER::nextDouble);

    Courier(DeliveryQueue queue, EndpointStore endpoints, Sender sender, PlatformTransactionManager transactions,
            @Value("${kehu.webhooks.disable-after:10}") int disableAfter, Notifications notifications,
            UserAccounts accounts) {
        this.notifications = notifications;
        this.accounts = accounts;
        this.queue = queue;
        this.endpoints = endpoints;
        this.sender = sender;
        this.transaction = new TransactionTemplate(transactions);
        this.disableAfter = disableAfter;
    }

    /** Replaces the retry schedule (tests fix the jitter). */
    public void useSchedule(RetrySchedule schedule) {
        this.schedule = schedule;
    }

    public int disableAfter() {
        return disableAfter;
    }

    /**
     * Sends everything due at {@code now}; returns how many attempts were made. The outcomes of a claimed batch are
     * recorded together in one short transaction (a commit per batch instead of per delivery: the commit's flush to
     * disk, not the HTTP call, was what bounded throughput), and at the latest every {@link #FLUSH_AFTER}, well within
     * the lease. Failures are counted in memory meanwhile, so an endpoint reaching the limit mid-batch gets no further
     * attempt in it: those deliveries are handed back untried, as before.
     */
    public int deliverDue(Instant now) {
        int sent = 0;
        List<ClaimedDelivery> claimed;
        do {
            claimed = transaction.execute(status -> queue.claim(now, BATCH));
            sent += sendBatch(claimed, now);
        } while (claimed.size() == BATCH);
        return sent;
    }

    private int sendBatch(List<ClaimedDelivery> claimed, Instant now) {
        Map<Long, Integer> failures = new HashMap<>();
        Map<Long, Signing> signing = new HashMap<>();
        List<Map.Entry<ClaimedDelivery, SendOutcome>> done = new ArrayList<>();
        List<ClaimedDelivery> untried = new ArrayList<>();
        long flushAt = System.nanoTime() + FLUSH_AFTER.toNanos();
        int sent = 0;
        for (ClaimedDelivery delivery : claimed) {
            long endpoint = delivery.endpointId();
            // Failures in a row so far: stored, then counted here; a switched-off endpoint counts as at the limit.
            int failed = failures.computeIfAbsent(endpoint,
                    id -> endpoints.isEnabled(id) ? endpoints.failures(id) : disableAfter);
            if (failed >= disableAfter) {
                untried.add(delivery); // switched off meanwhile, or reaches the limit in this batch
                continue;
            }
            Signing keys = signing.computeIfAbsent(endpoint, id -> signing(delivery, now));
            SendOutcome outcome = post(delivery, keys, now);
            failures.put(endpoint, outcome.succeeded() ? 0 : failed + 1);
            done.add(Map.entry(delivery, outcome));
            sent++;
            if (System.nanoTime() > flushAt) {
                flush(done, untried, now);
                flushAt = System.nanoTime() + FLUSH_AFTER.toNanos();
            }
        }
        flush(done, untried, now);
        return sent;
    }

    private void flush(List<Map.Entry<ClaimedDelivery, SendOutcome>> done, List<ClaimedDelivery> untried,
            Instant now) {
        if (done.isEmpty() && untried.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            done.forEach(d -> record(d.getKey(), now, d.getValue()));
            untried.forEach(d -> queue.release(d, now));
        });
        done.clear();
        untried.clear();
    }

    /** Removes attempts, finished deliveries and events older than the console's 30 days; returns events removed. */
    public int purgeBefore(Instant cutoff) {
        Integer removed = transaction.execute(status -> queue.purge(cutoff));
        return removed == null ? 0 : removed;
    }

    /** Sends one delivery now whatever its due time; empty when another node holds it. */
    public Optional<SendOutcome> deliverNow(long deliveryId, Instant now) {
        return transaction.execute(status -> queue.claimNow(deliveryId, now)).map(d -> send(d, now));
    }

    /** Sends one claimed delivery and records it; null when its endpoint was switched off meanwhile (handed back). */
    private SendOutcome send(ClaimedDelivery delivery, Instant now) {
        if (!endpoints.isEnabled(delivery.endpointId())) {
            transaction.executeWithoutResult(status -> queue.release(delivery, now));
            return null;
        }
        SendOutcome outcome = post(delivery, signing(delivery, now), now);
        transaction.executeWithoutResult(status -> record(delivery, now, outcome));
        return outcome;
    }

    /** An endpoint's keys at {@code now}: its signing secrets, and the robot's secret for DingTalk/Feishu. */
    private Signing signing(ClaimedDelivery delivery, Instant now) {
        String robotSecret = delivery.format() == PayloadFormat.DINGTALK || delivery.format() == PayloadFormat.FEISHU
                ? endpoints.robotSecret(delivery.endpointId()) : null;
        return new Signing(endpoints.signingSecrets(delivery.endpointId(), now), robotSecret);
    }

    private SendOutcome post(ClaimedDelivery delivery, Signing keys, Instant now) {
        // Signed per attempt: the timestamp is this attempt's, so receivers can refuse old replays of a request.
        String body = RobotMessages.body(delivery.format(), delivery.payload());
        String url = delivery.url();
        // The robots' own signing (加签), also per attempt: they refuse timestamps more than an hour off.
        if (keys.robotSecret() != null && delivery.format() == PayloadFormat.DINGTALK) {
            url = RobotSigning.dingTalkUrl(url, keys.robotSecret(), now);
        } else if (keys.robotSecret() != null) {
            body = RobotSigning.feishuBody(body, keys.robotSecret(), now);
        }
        return sender.post(url, delivery.eventId(), now.getEpochSecond(), body, keys.secrets());
    }

    private record Signing(List<String> secrets, String robotSecret) {
    }

    private void record(ClaimedDelivery delivery, Instant now, SendOutcome outcome) {
        Instant next = outcome.succeeded() ? null
                : schedule.after(delivery.failuresInRow() + 1).map(now::plus).orElse(null);
        if (!queue.record(delivery, now, outcome, next)) {
            log.warn("Webhook delivery {} attempt {}: lease lost before the result was recorded",
                    delivery.deliveryId(), delivery.attempt());
            return;
        }
        if (outcome.succeeded()) {
            endpoints.succeeded(delivery.endpointId());
            return;
        }
        int failures = endpoints.failed(delivery.endpointId());
        if (failures >= disableAfter && endpoints.disable(delivery.endpointId(), TOO_MANY_FAILURES, now)) {
            log.warn("Webhook endpoint {} ({}) switched off after {} failed attempts in a row; last: {} {}",
                    delivery.endpointId(), delivery.url(), failures, outcome.statusCode(), outcome.error());
            tellAdministrators(delivery.url(), failures);
        }
    }

    private void tellAdministrators(String url, int failures) {
        List<String> args = List.of(url, String.valueOf(failures));
        LocalizedText text = LocalizedText.of(
                ProblemTexts.format("i18n.webhooks", "webhooks.disabledNotice", Locale.SIMPLIFIED_CHINESE, args),
                ProblemTexts.format("i18n.webhooks", "webhooks.disabledNotice", Locale.ENGLISH, args));
        transaction.executeWithoutResult(status -> accounts.findAll().stream()
                .filter(UserAccount::enabled).filter(u -> u.hasRole(Role.ADMIN))
                .forEach(admin -> notifications.notify(admin.id(), "webhook_disabled", text, null, null)));
    }
}
