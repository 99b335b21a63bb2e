package io.kehu.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@value #FREE_ATTEMPTS} failed sign-ins for the same account, or
 * {@value #FREE_ATTEMPTS_PER_ADDRESS} from the same address (a whole office may share one), further attempts are
 * refused for a pause that doubles with each new failure (30 s up to 15 min). Failures older than
 * {@link #FORGET_AFTER} are forgotten; a successful sign-in clears the account's record.
 *
 * <p>Kept in memory: a restart forgives, which is acceptable for throttling (it is not an account lock-out).
 */
@Component
public class LoginThrottle {

    static final int FREE_ATTEMPTS = 5;
    static final int FREE_ATTEMPTS_PER_ADDRESS = 30;
    static final Duration FORGET_AFTER = Duration.ofMinutes(30);
    static final Duration FIRST_PAUSE = Duration.ofSeconds(30);
    static final Duration LONGEST_PAUSE = Duration.ofMinutes(15);
    private static final int MAX_TRACKED_KEYS = 100_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    @Autowired
    public LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long sign-in stays refused for this account or address; zero when it may be tried now. */
    public Duration remainingPause(String username, String address) {
        Instant now = clock.instant();
        Duration byUser = pauseOf(userKey(username), FREE_ATTEMPTS, now);
        Duration byAddress = pauseOf(addressKey(address), FREE_ATTEMPTS_PER_ADDRESS, now);
        return byUser.compareTo(byAddress) >= 0 ? byUser : byAddress;
    }

    public void recordFailure(String username, String address) {
        if (failures.size() > MAX_TRACKED_KEYS) {
            failures.clear(); // an attack on memory must not become an outage; throttling restarts from zero
        }
        Instant now = clock.instant();
        failures.merge(userKey(username), Failures.first(now), (old, ignored) -> old.next(now));
        if (address != null) {
            failures.merge(addressKey(address), Failures.first(now), (old, ignored) -> old.next(now));
        }
        failures.values().removeIf(f -> f.forgotten(now)); // keeps the map as small as the current attack
    }

    public void recordSuccess(String username) {
        failures.remove(userKey(username));
    }

    private Duration pauseOf(String key, int freeAttempts, Instant now) {
        Failures f = key == null ? null : failures.get(key);
        if (f == null || f.forgotten(now) || f.count() < freeAttempts) {
            return Duration.ZERO;
        }
        Duration remaining = Duration.between(now, f.last().plus(pauseAfter(f.count() - freeAttempts)));
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }

    /** The pause after {@code extraFailures} failures beyond the free ones (0 for the first paused attempt). */
    static Duration pauseAfter(int extraFailures) {
        int doublings = Math.min(extraFailures, 10);
        Duration pause = FIRST_PAUSE.multipliedBy(1L << doublings);
        return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
    }

    private static String userKey(String username) {
        return username == null ? null : "u:" + username.strip().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return address == null ? null : "a:" + address;
    }

    private record Failures(int count, Instant last) {
        static Failures first(Instant now) {
            return new Failures(1, now);
        }

        Failures next(Instant now) {
            return forgotten(now) ? first(now) : new Failures(count + 1, now);
        }

        boolean forgotten(Instant now) {
            return last.plus(FORGET_AFTER).isBefore(now);
        }
    }
}
