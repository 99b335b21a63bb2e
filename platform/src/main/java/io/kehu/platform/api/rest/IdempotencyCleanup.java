package io.kehu.platform.api.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets {@code Idempotency-Key}s after their retention ({@code kehu.api.idempotency-retention}, default one day,
 * as long as any client sensibly retries): every hour the older rows of {@code kehu_api_idempotency} are deleted
 * through their {@code created_at} index. A retry after that creates a new record. Several nodes deleting the same
 * rows is harmless.
 */
@Component
public class IdempotencyCleanup {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyCleanup.class);

    private final IdempotencyKeys keys;
    private final Duration retention;

    IdempotencyCleanup(IdempotencyKeys keys, @Value("${kehu.api.idempotency-retention:P1D}") Duration retention) {
        this.keys = keys;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${kehu.api.idempotency-cleanup-interval:PT1H}", initialDelay = 120_000)
    void hourly() {
        removeExpired(Instant.now());
    }

    /** Deletes the keys older than the retention at {@code now}; returns how many. */
    public int removeExpired(Instant now) {
        int removed = keys.forgetBefore(now.minus(retention).atOffset(ZoneOffset.UTC));
        if (removed > 0) {
            log.info("Forgot {} idempotency key(s) older than {}", removed, retention);
        }
        return removed;
    }
}
