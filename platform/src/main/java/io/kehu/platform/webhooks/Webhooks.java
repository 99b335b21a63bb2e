package io.kehu.platform.webhooks;

import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.rules.RuleCompileException;
import io.kehu.platform.rules.RuleEngine;
import io.kehu.platform.security.AccessRefusedException;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.webhooks.delivery.Courier;
import io.kehu.platform.webhooks.delivery.DeliveryQueue;
import io.kehu.platform.webhooks.delivery.SendOutcome;
import io.kehu.platform.webhooks.endpoints.EndpointStore;
import io.kehu.platform.webhooks.outbox.EventPayloads;
import io.kehu.platform.webhooks.outbox.OutboxEvent;
import io.kehu.platform.webhooks.outbox.OutboxStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The webhooks feature's front: administering endpoints, the delivery console's reads and actions, and sending what is
 * due. Events themselves are written by the outbox's listeners inside each change's transaction, not through here.
 * Every administrative method is for ADMINs only.
 */
@Service
public class Webhooks {

    /** How far back the console lists attempts. */
    public static final Duration CONSOLE_WINDOW = Duration.ofDays(30);
    /** A channel name: what workflow definitions' ids look like, so a {@code notify} can name it. */
    public static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final EndpointStore endpoints;
    private final DeliveryQueue deliveries;
    private final OutboxStore outbox;
    private final EventPayloads payloads;
    private final Courier courier;
    private final TransactionTemplate transaction;
    private final RuleEngine rules;
    private final FormCatalog forms;
    private final Clock clock = Clock.systemUTC();

    Webhooks(EndpointStore endpoints, DeliveryQueue deliveries, OutboxStore outbox, EventPayloads payloads,
            Courier courier, PlatformTransactionManager transactions, RuleEngine rules, FormCatalog forms) {
        this.rules = rules;
        this.forms = forms;
        this.transaction = new TransactionTemplate(transactions);
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.payloads = payloads;
        this.courier = courier;
    }

    /** Adds an endpoint; the returned secret is shown once and never again. */
    @Transactional
    public NewSecret addEndpoint(Actor actor, EndpointSettings settings) {
        admin(actor);
        check(settings, null);
        EndpointStore.Created created = endpoints.create(settings, clock.instant());
        return new NewSecret(created.id(), created.secret());
    }

    @Transactional
    public void changeEndpoint(Actor actor, long endpointId, EndpointSettings settings) {
        admin(actor);
        check(settings, endpointId);
        endpoints.update(endpointId, settings);
    }

    /** Forgets an endpoint's robot signing secret (its robot no longer signs); a new one is set by a change. */
    @Transactional
    public void clearRobotSecret(Actor actor, long endpointId) {
        admin(actor);
        endpoints.clearRobotSecret(endpointId);
    }

    /** Switches an endpoint on (its failure count starts again) or off. */
    @Transactional
    public void enable(Actor actor, long endpointId, boolean enabled) {
        admin(actor);
        endpoints.setEnabled(endpointId, enabled);
    }

    /** A new secret, shown once; the previous one keeps signing for a day so the receiver can switch over. */
    @Transactional
    public NewSecret rotateSecret(Actor actor, long endpointId) {
        admin(actor);
        return new NewSecret(endpointId, endpoints.rotate(endpointId, clock.instant()));
    }

    @Transactional(readOnly = true)
    public List<WebhookEndpoint> endpoints(Actor actor) {
        admin(actor);
        return endpoints.all(clock.instant());
    }

    @Transactional(readOnly = true)
    public Optional<WebhookEndpoint> endpoint(Actor actor, long endpointId) {
        admin(actor);
        return endpoints.find(endpointId, clock.instant());
    }

    /** The attempts of the last 30 days to an endpoint, newest first. */
    @Transactional(readOnly = true)
    public List<WebhookAttempt> attempts(Actor actor, long endpointId, int offset, int limit) {
        admin(actor);
        return deliveries.attempts(endpointId, clock.instant().minus(CONSOLE_WINDOW), offset, limit);
    }

    @Transactional(readOnly = true)
    public int countAttempts(Actor actor, long endpointId) {
        admin(actor);
        return deliveries.countAttempts(endpointId, clock.instant().minus(CONSOLE_WINDOW));
    }

    @Transactional(readOnly = true)
    public int countDeliveries(Actor actor, long endpointId, DeliveryStatus status) {
        admin(actor);
        return deliveries.count(endpointId, status);
    }

    /** Sends a delivery again (a new attempt, same event id); false when it is still waiting anyway. */
    @Transactional
    public boolean replay(Actor actor, long deliveryId) {
        admin(actor);
        return deliveries.replay(deliveryId, clock.instant());
    }

    /** Sends every failed delivery of an endpoint again; returns how many. */
    @Transactional
    public int replayFailed(Actor actor, long endpointId) {
        admin(actor);
        return deliveries.replayFailed(endpointId, clock.instant());
    }

    /** Sends a {@code webhook.test} event to one endpoint now and returns what it answered. */
    public SendOutcome sendTest(Actor actor, long endpointId) {
        admin(actor);
        Instant now = clock.instant();
        String id = OutboxStore.newId();
        long delivery = transaction.execute(status -> {
            outbox.append(new OutboxEvent(id, EventType.TEST, null, null, 0, payloads.testEvent(now)), List.of(), now);
            return deliveries.enqueue(id, endpointId, now);
        });
        return courier.deliverNow(delivery, now)
                .orElseThrow(() -> new IllegalStateException("test delivery " + delivery + " was taken"));
    }

    /** Sends what is due at {@code now} (the poller calls this every second; tests with their own instants). */
    public int deliverDue(Instant now) {
        return courier.deliverDue(now);
    }

    /**
     * Refuses settings that cannot work, saying what to change: not an http(s) URL, no event (and no channel name), a
     * taken or malformed channel name, a rule without exactly one form, a rule that does not compile.
     */
    private void check(EndpointSettings settings, Long endpointId) {
        checkUrl(settings);
        if (settings.channel() != null) {
            if (!CHANNEL.matcher(settings.channel()).matches()) {
                throw new WebhookSettingsException("channel", "webhooks.error.channel", settings.channel());
            }
            if (endpoints.channelTaken(settings.channel(), endpointId)) {
                throw new WebhookSettingsException("channel", "webhooks.error.channelTaken", settings.channel());
            }
        }
        if (settings.eventTypes().stream().anyMatch(t -> !t.subscribable())) {
            throw new IllegalArgumentException("not subscribable: " + settings.eventTypes());
        }
        if (settings.eventTypes().isEmpty() && settings.channel() == null) {
            throw new WebhookSettingsException("events", "webhooks.error.events");
        }
        if (settings.rule() != null) {
            if (settings.formIds().size() != 1) {
                throw new WebhookSettingsException("rule", "webhooks.error.ruleForm");
            }
            String formId = settings.formIds().iterator().next();
            FormDefinition form = forms.published(formId)
                    .orElseThrow(() -> new IllegalArgumentException("unknown form " + formId));
            try {
                rules.compile(form, settings.rule());
            } catch (RuleCompileException e) {
                throw new WebhookSettingsException("rule", "webhooks.error.rule", e.line(), e.column(), e.reason());
            }
        }
    }

    private static void checkUrl(EndpointSettings settings) {
        URI uri;
        try {
            uri = URI.create(settings.url().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + settings.url(), e);
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + settings.url());
        }
    }

    private static void admin(Actor actor) {
        if (!actor.hasRole(Role.ADMIN)) {
            throw new AccessRefusedException("只有管理员可以管理 Webhook。", "Only administrators manage webhooks.");
        }
    }

    /**
     * A secret to show once.
     *
     * @param endpointId the endpoint
     * @param secret the {@code whsec_…} secret
     */
    public record NewSecret(long endpointId, String secret) {
    }
}
