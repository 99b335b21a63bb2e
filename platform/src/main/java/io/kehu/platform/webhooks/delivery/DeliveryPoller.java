package io.kehu.platform.webhooks.delivery;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls for due deliveries every second on every node, with {@code kehu.webhooks.workers} (default 4) workers side by
 * side ({@code kehu.webhooks.poll=false} switches it off, as the tests do; they call {@link Courier#deliverDue} with their own instants). Scheduling comes from
 * {@code workflow.WorkflowScheduling}'s {@code @EnableScheduling}, which is application-wide.
 */
@Component
class DeliveryPoller {

    private static final Logger log = LoggerFactory.getLogger(DeliveryPoller.class);
    private final Courier courier;
    private final boolean enabled;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService workers;
    private final int workerCount;

    DeliveryPoller(Courier courier, @Value("${kehu.webhooks.poll:true}") boolean enabled,
            @Value("${kehu.webhooks.workers:4}") int workers) {
        this.courier = courier;
        this.enabled = enabled;
        this.workerCount = Math.max(1, workers);
        this.workers = Executors.newFixedThreadPool(workerCount, Thread.ofPlatform().name("kehu-webhooks-", 1)
                .daemon(true).factory());
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
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
        // Several workers claim side by side (FOR UPDATE SKIP LOCKED keeps them apart): one sends while another
        // waits for a receiver or a commit. WebhooksBench: one worker ~230 events/s, four ~1,300 on 2 shared cores.
        Instant now = clock.instant();
        List<Future<Integer>> rounds = new ArrayList<>();
        for (int i = 0; i < workerCount; i++) {
            rounds.add(workers.submit(() -> courier.deliverDue(now)));
        }
        for (Future<Integer> round : rounds) {
            try {
                round.get();
            } catch (ExecutionException e) {
                log.warn("Webhook delivery round failed; the next one retries", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
