package io.kehu.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(throttle.trackedKeys()).isEqualTo(1);
    }

    @Test
    void throttlesAnAddressSprayingManyAccountsButNotAnOfficesOccasionalTypos() {
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS_PER_ADDRESS - 1; i++) {
            throttle.recordFailure("user" + i, "10.0.0.9");
        }
        assertThat(throttle.remainingPause("someone-else", "10.0.0.9")).as("an office behind one NAT").isZero();
        throttle.recordFailure("user-last", "10.0.0.9");
        assertThat(throttle.remainingPause("someone-else", "10.0.0.9")).isPositive();
        assertThat(throttle.remainingPause("someone-else", "10.0.0.10")).isZero();
    }

    @Test
    void successClearsTheAccountAndNamesAreCaseInsensitive() {
        fail("Staff", "10.0.0.1", LoginThrottle.FREE_ATTEMPTS);
        assertThat(throttle.remainingPause("staff", "10.0.0.1")).isPositive();
        throttle.recordSuccess("STAFF", "10.0.0.1");
        assertThat(throttle.remainingPause("staff", "10.0.0.1")).isZero();
    }

    @Test
    void anAttackerHammeringAnAccountDoesNotPauseTheOwnerElsewhere() {
        fail("admin", "203.0.113.66", 50);
        assertThat(throttle.remainingPause("admin", "203.0.113.66")).isPositive();
        assertThat(throttle.remainingPause("admin", "10.0.0.1")).as("the owner at the office").isZero();
    }

    @Test
    void backoffGrowsWithEachFailureUpToTheLongestPause() {
        Duration previous = Duration.ZERO;
        for (int extra = 0; extra < 5; extra++) {
            fail("staff", "10.0.0.1", extra == 0 ? LoginThrottle.FREE_ATTEMPTS : 1);
            Duration pause = throttle.remainingPause("staff", "10.0.0.1");
            assertThat(pause).as("after %d extra failures", extra).isGreaterThan(previous);
            previous = pause;
        }
        assertThat(previous).isEqualTo(Duration.ofSeconds(30L << 4));
        fail("staff", "10.0.0.1", 20);
        assertThat(throttle.remainingPause("staff", "10.0.0.1")).isEqualTo(LoginThrottle.LONGEST_PAUSE);
    }

    @Test
    void aFloodOfRandomNamesDoesNotResetTheAccountUnderAttack() {
        fail("admin", "203.0.113.66", LoginThrottle.FREE_ATTEMPTS + 2);
        Duration before = throttle.remainingPause("admin", "203.0.113.66");
        java.util.Random random = new java.util.Random(25);
        for (int i = 0; i < LoginThrottle.MAX_TRACKED_KEYS * 3 / 2; i++) {
            String address = "198.51." + random.nextInt(256) + "." + random.nextInt(256);
            throttle.recordFailure(Long.toHexString(random.nextLong()), address);
            if (i % 1000 == 0) {
                // the attacker keeps trying the account too, which is what keeps its key hot
                throttle.remainingPause("admin", "203.0.113.66");
            }
        }
        assertThat(throttle.trackedKeys()).as("memory stays bounded").isLessThanOrEqualTo(LoginThrottle.MAX_TRACKED_KEYS);
        assertThat(throttle.remainingPause("admin", "203.0.113.66")).isEqualTo(before).isPositive();
    }

    @Test
    void anAdministratorUnlocksAnAccountFromEveryAddress() {
        fail("staff", "10.0.0.1", LoginThrottle.FREE_ATTEMPTS);
        fail("staff", "10.0.0.2", LoginThrottle.FREE_ATTEMPTS);
        fail("manager", "10.0.0.1", LoginThrottle.FREE_ATTEMPTS);
        Actor staff = new Actor(3L, "staff", java.util.Set.of(Role.STAFF));
        assertThatThrownBy(() -> throttle.unlock("staff", staff)).isInstanceOf(AccessRefusedException.class);

        Actor admin = new Actor(1L, "admin", java.util.Set.of(Role.ADMIN));
        assertThat(throttle.unlock("STAFF", admin)).isEqualTo(2);
        assertThat(throttle.remainingPause("staff", "10.0.0.1")).isZero();
        assertThat(throttle.remainingPause("staff", "10.0.0.2")).isZero();
        assertThat(throttle.remainingPause("manager", "10.0.0.1")).as("others stay paused").isPositive();
    }

    @Test
    void aPauseIsReportedOnceWhenItBeginsAndAnUnlockWithWhoDidIt() {
        java.util.List<String> reported = new java.util.ArrayList<>();
        LoginThrottle audited = new LoginThrottle(clock, new LoginEventLog() {
            @Override
            public void paused(String username, String address, int failures, Duration pause, Instant at) {
                reported.add("pause " + username + " " + address + " " + failures + " " + pause.toSeconds() + "s");
            }

            @Override
            public void unlocked(String username, String address, Actor by, int lifted, Instant at) {
                reported.add("unlock " + username + " " + address + " by " + by.username() + " " + lifted);
            }
        });
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS + 3; i++) {
            audited.recordFailure("Staff", "10.0.0.1");
        }
        assertThat(audited.paused()).singleElement().satisfies(p -> {
            assertThat(p.username()).isEqualTo("staff");
            assertThat(p.failures()).isEqualTo(LoginThrottle.FREE_ATTEMPTS + 3);
            assertThat(p.pausedUntil()).isEqualTo(clock.instant().plus(LoginThrottle.pauseAfter(3)));
        });
        audited.unlock("staff", new Actor(1L, "admin", java.util.Set.of(Role.ADMIN)));
        assertThat(reported).containsExactly("pause staff 10.0.0.1 5 30s", "unlock staff null by admin 1");
        assertThat(audited.paused()).isEmpty();
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
