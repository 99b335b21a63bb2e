package io.kehu.platform.views;

import io.kehu.platform.security.Actor;
import io.kehu.platform.security.CurrentUser;
import io.kehu.platform.security.UserAccounts;
import org.springframework.stereotype.Component;

/**
 * The signed-in user as the {@link Actor} that {@code Records} checks. Resolved from the account store, not from the
 * session's authorities, so the roles and id are those of the account as it is now.
 */
@Component
class SessionActor {

    private final CurrentUser currentUser;
    private final UserAccounts accounts;

    SessionActor(CurrentUser currentUser, UserAccounts accounts) {
        this.currentUser = currentUser;
        this.accounts = accounts;
    }

    Actor current() {
        String username = currentUser.username()
                .orElseThrow(() -> new IllegalStateException("No signed-in user"));
        return Actor.of(accounts.findByUsername(username)
                .orElseThrow(() -> new IllegalStateException("No account " + username)));
    }
}
