package io.kehu.platform.security;

import java.time.Instant;

/**
 * A sign-in key that used up its free attempts: an account from one address, or (with {@code username} null) an
 * address over all accounts.
 *
 * @param username the sign-in name as typed (lower-cased; need not be an account), or null for a whole address
 * @param address the client address ({@code -} when unknown)
 * @param failures failed attempts counted since the key was last forgotten
 * @param lastFailure when the last attempt failed
 * @param pausedUntil when the current pause ends (may be past: the next failure pauses again, for longer)
 */
public record PausedSignIn(String username, String address, int failures, Instant lastFailure, Instant pausedUntil) {

    public boolean isAddress() {
        return username == null;
    }
}
