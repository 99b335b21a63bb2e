package io.kehu.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without handing attackers a way to lock the real owner out.
 *
 * <ul>
 *   <li>Per account <em>and</em> address: after {@value #FREE_ATTEMPTS} failures the next attempt from that address
 *       for that account waits a pause that doubles with each further failure (30 s up to 15 min). The owner signing
 *       in from another address is not slowed down by someone hammering the account elsewhere.</li>
 *   <li>Per address: {@value #FREE_ATTEMPTS_PER_ADDRESS} failures across any accounts before the address is slowed
 *       down, generous enough for a whole office behind one NAT, small enough to stop spraying many accounts.</li>
 * </ul>
 * Failures are kept in a bounded, expiring cache (Caffeine): entries are forgotten {@link #FORGET_AFTER} after the
 * last failure, and when the cache is full its frequency-based eviction drops the one-off keys of a flood of random
 * names rather than the key under attack, which is read and written again and again. A successful sign-in clears
 * the account's key for that address; an administrator sees the {@link #paused() paused keys} and can
 * {@link #unlock(String, Actor) unlock} an account or an address. Each time a key starts pausing, and each unlock
 * with the administrator's name, is stored in the audit trail ({@link LoginEvents}) and written to the
 * {@value #AUDIT_LOGGER} log.
 *
 * <p>Kept in memory: a restart forgives, which is acceptable for throttling (it is not an account lock-out).
 */
@Component
public class LoginThrottle {

    public static final int FREE_ATTEMPTS = 5;
    public static final int FREE_ATTEMPTS_PER_ADDRESS = 100;
    static final Duration FORGET_AFTER = Duration.ofMinutes(30);
    static final Duration FIRST_PAUSE = Duration.ofSeconds(30);
    static final Duration LONGEST_PAUSE = Duration.ofMinutes(15);
    static final int MAX_TRACKED_KEYS = 100_000;
    static final String AUDIT_LOGGER = "kehu.security.audit";

    private static final Logger AUDIT = LoggerFactory.getLogger(AUDIT_LOGGER);
    private static final String NO_ADDRESS = "-";

    /** The most keys {@link #paused()} lists: enough for any real incident, bounded under a flood. */
    static final int MAX_LISTED = 1000;

    private final Cache<Key, Failures> failures;
    private final Clock clock;
    private final LoginEventLog events;

    @Autowired
    public LoginThrottle(LoginEvents events) {
        this(Clock.systemUTC(), false, events);
    }

    /** For tests: a settable clock drives both the pauses and the cache's expiry; eviction runs on the caller. */
    LoginThrottle(Clock clock) {
        this(clock, LoginEventLog.NONE);
    }

    LoginThrottle(Clock clock, LoginEventLog events) {
        this(clock, true, events);
    }

    private LoginThrottle(Clock clock, boolean maintainOnCaller, LoginEventLog events) {
        this.clock = clock;
        this.events = events;
        Caffeine<Object, Object> builder = Caffeine.newBuilder()
                .maximumSize(MAX_TRACKED_KEYS)
                .expireAfterWrite(FORGET_AFTER)
                .ticker(() -> nanos(clock.instant()));
        if (maintainOnCaller) {
            builder.executor(Runnable::run);
        }
        this.failures = builder.build();
    }

    /** How long sign-in to this account from this address must wait; zero when it may be tried now. */
    public Duration remainingPause(String username, String address) {
        Instant now = clock.instant();
        Duration byAccount = pauseOf(Key.account(username, address), FREE_ATTEMPTS, now);
        Duration byAddress = pauseOf(Key.address(address), FREE_ATTEMPTS_PER_ADDRESS, now);
        return byAccount.compareTo(byAddress) >= 0 ? byAccount : byAddress;
    }

    public void recordFailure(String username, String address) {
        Instant now = clock.instant();
        count(Key.account(username, address), FREE_ATTEMPTS, now);
        if (address != null) {
            count(Key.address(address), FREE_ATTEMPTS_PER_ADDRESS, now);
        }
    }

    /** The owner got in from this address: their own typos from there are forgiven. */
    public void recordSuccess(String username, String address) {
        failures.invalidate(Key.account(username, address));
    }

    /**
     * Lifts every pause on this account, from every address (an administrator's action, e.g. after a user called in).
     * Scans the cache once, which is fine for a rare manual action.
     *
     * @return how many addresses were paused or counting failures for the account
     */
    public int unlock(String username, Actor by) {
        requireAdmin(by);
        String user = Key.normalize(username);
        int[] lifted = {0};
        failures.asMap().keySet().removeIf(key -> {
            boolean match = user.equals(key.username());
            if (match) {
                lifted[0]++;
            }
            return match;
        });
        AUDIT.warn("login-unlock account={} by={} addresses={}", user, by.username(), lifted[0]);
        events.unlocked(user, null, by, lifted[0], clock.instant());
        return lifted[0];
    }

    /** Lifts the pause on an address (e.g. an office's NAT after a misconfigured client kept failing). */
    public boolean unlockAddress(String address, Actor by) {
        requireAdmin(by);
        boolean had = failures.asMap().remove(Key.address(address)) != null;
        AUDIT.warn("login-unlock address={} by={}", address, by.username());
        events.unlocked(null, address, by, had ? 1 : 0, clock.instant());
        return had;
    }

    /**
     * The accounts (per address) and addresses that used up their free attempts and have not been forgotten yet,
     * latest failure first, at most {@value #MAX_LISTED}. Their pause may have run out, but the next failure
     * pauses them again, for longer.
     */
    public List<PausedSignIn> paused() {
        return failures.asMap().entrySet().stream()
                .filter(e -> e.getValue().count() >= freeAttempts(e.getKey()))
                .map(e -> new PausedSignIn(e.getKey().username(), e.getKey().address(), e.getValue().count(),
                        e.getValue().last(), e.getValue().last().plus(
                                pauseAfter(e.getValue().count() - freeAttempts(e.getKey())))))
                .sorted(Comparator.comparing(PausedSignIn::lastFailure).reversed())
                .limit(MAX_LISTED).toList();
    }

    private void count(Key key, int freeAttempts, Instant now) {
        Failures after = failures.asMap().merge(key, Failures.first(now), (old, ignored) -> old.next(now));
        if (after.count() == freeAttempts) {
            AUDIT.warn("login-pause {} failures={} pause={}s", key, after.count(), pauseAfter(0).toSeconds());
            events.paused(key.username(), key.address(), after.count(), pauseAfter(0), now);
        }
    }

    private Duration pauseOf(Key key, int freeAttempts, Instant now) {
        Failures f = key == null ? null : failures.getIfPresent(key);
        if (f == null || f.count() < freeAttempts) {
            return Duration.ZERO;
        }
        Duration remaining = Duration.between(now, f.last().plus(pauseAfter(f.count() - freeAttempts)));
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }

    private static int freeAttempts(Key key) {
        return key.username() == null ? FREE_ATTEMPTS_PER_ADDRESS : FREE_ATTEMPTS;
    }

    /** The pause after {@code extraFailures} failures beyond the free ones (0 for the first paused attempt). */
    static Duration pauseAfter(int extraFailures) {
        int doublings = Math.min(extraFailures, 10);
        Duration pause = FIRST_PAUSE.multipliedBy(1L << doublings);
        return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
    }

    /** How many keys are tracked now (for tests: the cache stays bounded). */
    long trackedKeys() {
        failures.cleanUp();
        return failures.estimatedSize();
    }

    private static void requireAdmin(Actor by) {
        Objects.requireNonNull(by, "by");
        if (!by.isSystem() && !by.hasRole(Role.ADMIN)) {
            throw new AccessRefusedException("只有管理员可以解除登录限制。", "Only administrators may lift sign-in pauses.");
        }
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** An account tried from an address ({@code username} set), or an address over all accounts (it is null). */
    private record Key(String username, String address) {
        static Key account(String username, String address) {
            return new Key(normalize(username), address == null ? NO_ADDRESS : address);
        }

        static Key address(String address) {
            return address == null ? null : new Key(null, address);
        }

        static String normalize(String username) {
            return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return username == null ? "address=" + address : "account=" + username + " address=" + address;
        }
    }

    private record Failures(int count, Instant last) {
        static Failures first(Instant now) {
            return new Failures(1, now);
        }

        Failures next(Instant now) {
            return new Failures(count + 1, now);
        }
    }
}
