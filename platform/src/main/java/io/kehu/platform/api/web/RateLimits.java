package io.kehu.platform.api.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * Requests per minute per token, as token buckets (Bucket4j) held in memory per application node: a burst of up to
 * the limit, refilled evenly over the minute. Buckets of tokens not used for 10 minutes are forgotten (Caffeine), so
 * memory stays bounded by the tokens in use.
 */
final class RateLimits {

    private final int perMinute;
    private final Cache<Long, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    RateLimits(int perMinute) {
        this.perMinute = perMinute;
    }

    int perMinute() {
        return perMinute;
    }

    /** Takes one request from the token's bucket; 0 when allowed, else the whole seconds to wait. */
    long tryTake(long tokenId) {
        Bucket bucket = buckets.get(tokenId, id -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1))
                        .build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return 0;
        }
        return Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }
}
