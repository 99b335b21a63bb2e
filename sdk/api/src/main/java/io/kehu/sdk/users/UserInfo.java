package io.kehu.sdk.users;

import java.util.Objects;
import java.util.Set;

/**
 * A user as a plugin sees it.
 *
 * @param id what a {@code user} field stores
 * @param username the sign-in name (tasks, notices, {@code currentUsername()})
 * @param displayName the name to show
 * @param roles the user's roles, as in {@code ViewContribution.roles()}: {@code ADMIN}, {@code MANAGER}, {@code STAFF}
 * @param enabled false for a user who may no longer sign in
 */
public record UserInfo(long id, String username, String displayName, Set<String> roles, boolean enabled) {

    public UserInfo {
        Objects.requireNonNull(username, "username");
        displayName = displayName == null || displayName.isBlank() ? username : displayName;
        roles = Set.copyOf(roles);
    }
}
