package io.kehu.platform.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Sign-in refused without checking the password, because of too many recent failures. */
public class LoginThrottledException extends AuthenticationException {

    private final Duration remaining;

    public LoginThrottledException(Duration remaining) {
        super("Too many failed sign-ins; try again in " + remaining.toSeconds() + " s");
        this.remaining = remaining;
    }

    /** How long until the next attempt is accepted. */
    public Duration remaining() {
        return remaining;
    }
}
