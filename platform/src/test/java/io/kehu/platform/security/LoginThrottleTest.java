package io.kehu.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void allowsFiveFailuresThenPauses() {
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS - 1; i++) {
            throttle.recordFailure("staff", "10.0.0.1");
        }
        assertThat(throttle.remainingPause("staff", "10.0.0.1")).isZero();
        throttle.recordFailure("staff", "10.0.0.1");
        assertThat(throttle.remainingPause("staff", "10.0.0.1")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void pauseEndsAndDoublesWithEachFurtherFailure() {
        fail("staff", "10.0.0.1", LoginThrottle.FREE_ATTEMPTS);
        clock.advance(Duration.ofSeconds(31));
        assertThat(throttle.remainingPause("staff", "10.0.0.1")).isZero();
        throttle.recordFailure("staff", "10.0.0.1");
        assertThat(throttle.remainingPause("staff", "10.0.0.1")).isEqualTo(Duration.ofSeconds(60));
        assertThat(LoginThrottle.pauseAfter(100)).isEqualTo(LoginThrottle.LONGEST_PAUSE);
    }

    @Test
    void oldFailuresAreForgotten() {
        fail("staff", null, LoginThrottle.FREE_ATTEMPTS - 1);
        clock.advance(LoginThrottle.FORGET_AFTER.plusSeconds(1));
        throttle.recordFailure("staff", null);
        assertThat(throttle.remainingPause("staff", null)).isZero();
    }

    @Test
    void throttlesAnAddressTryingManyAccountsButNotAnOfficesOccasionalTypos() {
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS_PER_ADDRESS - 1; i++) {
            throttle.recordFailure("user" + i, "10.0.0.9");
        }
        assertThat(throttle.remainingPause("someone-else", "10.0.0.9")).isZero();
        throttle.recordFailure("user-last", "10.0.0.9");
        assertThat(throttle.remainingPause("someone-else", "10.0.0.9")).isPositive();
        assertThat(throttle.remainingPause("someone-else", "10.0.0.10")).isZero();
    }

    @Test
    void successClearsTheAccountAndNamesAreCaseInsensitive() {
        fail("Staff", null, LoginThrottle.FREE_ATTEMPTS);
        assertThat(throttle.remainingPause("staff", null)).isPositive();
        throttle.recordSuccess("STAFF");
        assertThat(throttle.remainingPause("staff", null)).isZero();
    }

    private void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(user, address);
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T08:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
