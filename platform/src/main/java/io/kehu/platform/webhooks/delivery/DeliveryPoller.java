package io.kehu.platform.webhooks.delivery;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls for due deliveries every second on every node ({@code kehu.webhooks.poll=false} switches it off, as the tests
 * do; they call {@link Courier#deliverDue} with their own instants). Scheduling comes from
 * {@code workflow.WorkflowScheduling}'s {@code @EnableScheduling}, which is application-wide.
 */
@Component
class DeliveryPoller {

    private static final Logger log = LoggerFactory.getLogger(DeliveryPoller.class);
    private final Courier courier;
    private final boolean enabled;
    private final Clock clock = Clock.systemUTC();

    DeliveryPoller(Courier courier, @Value("${kehu.webhooks.poll:true}") boolean enabled) {
        this.courier = courier;
        this.enabled = enabled;
    }

    /** Hourly: the console shows 30 days; older attempts and finished events go (nodes racing on it is harmless). */
    @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
    void purge() {
        if (!enabled) {
            return;
        }
        try {
            courier.purgeBefore(clock.instant().minus(java.time.Duration.ofDays(30)));
        } catch (RuntimeException e) {
            log.warn("Purging old webhook events failed; the next hour retries", e);
        }
    }

    @Scheduled(fixedDelay = 1000, initialDelay = 5000)
    void poll() {
        if (!enabled) {
            return;
        }
        try {
            courier.deliverDue(clock.instant());
        } catch (RuntimeException e) {
            log.warn("Webhook delivery round failed; the next one retries", e);
        }
    }
}
