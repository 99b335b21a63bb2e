package io.kehu.platform.webhooks.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h after each failure (the Standard
 * Webhooks reference schedule, about a day and a half in all), each plus up to 10 % jitter so that a receiver that
 * was down is not hit by every retry at the same second. After the last one the delivery has failed.
 */
public final class RetrySchedule {

    public static final List<Duration> DELAYS = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
            Duration.ofHours(10));
    static final double JITTER = 0.1;

    private final DoubleSupplier random;

    /** @param random a source of numbers in [0, 1) for the jitter */
    public RetrySchedule(DoubleSupplier random) {
        this.random = random;
    }

    /** The wait after the {@code failures}-th failure in a row, or empty when no retry is left. */
    public Optional<Duration> after(int failures) {
        if (failures < 1 || failures > DELAYS.size()) {
            return Optional.empty();
        }
        Duration base = DELAYS.get(failures - 1);
        return Optional.of(base.plusMillis((long) (base.toMillis() * JITTER * random.getAsDouble())));
    }
}
