package io.kehu.platform.security;

import java.time.Duration;
import java.time.Instant;

/** Where {@link LoginThrottle} reports the events an administrator must be able to look up later. */
interface LoginEventLog {

    /** For a throttle without an audit trail (unit tests of the throttling itself). */
    LoginEventLog NONE = new LoginEventLog() {
        @Override
        public void paused(String username, String address, int failures, Duration pause, Instant at) {
        }

        @Override
        public void unlocked(String username, String address, Actor by, int lifted, Instant at) {
        }
    };

    /**
     * An account from an address ({@code username} set) or an address over all accounts ({@code username} null)
     * started pausing.
     */
    void paused(String username, String address, int failures, Duration pause, Instant at);

    /** {@code by} lifted the pauses of an account (every address) or of an address; {@code lifted} keys were held. */
    void unlocked(String username, String address, Actor by, int lifted, Instant at);
}
