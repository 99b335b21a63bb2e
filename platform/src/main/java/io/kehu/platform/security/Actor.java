package io.kehu.platform.security;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who performs a write or a read: a signed-in user, or the platform itself for jobs, imports and plugins. Services
 * take it as an explicit argument instead of reading a thread-bound security context, so that the UI, the plugins
 * (and later imports and the API) all go through the same checks with the same code.
 *
 * @param userId the account id ({@code kehu_user.id}); {@code null} only for {@link #system(String) system actors}
 * @param username the sign-in name, or the job's name for system actors; written to the audit trail
 * @param roles the actor's roles; system actors hold all of them
 */
public record Actor(Long userId, String username, Set<Role> roles) {

    public Actor {
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
    }

    /** The platform acting on its own (a job, an import, a plugin): every permission, no record ownership. */
    public static Actor system(String name) {
        return new Actor(null, name, EnumSet.allOf(Role.class));
    }

    /** The actor for a signed-in or otherwise identified account. */
    public static Actor of(UserAccount account) {
        return new Actor(account.id(), account.username(), account.roles());
    }

    /** Whether this is the platform itself rather than a person: it may also set read-only fields. */
    public boolean isSystem() {
        return userId == null;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /**
     * Whether record ownership limits what this actor sees: STAFF without MANAGER or ADMIN only work on the records
     * they own.
     */
    public boolean limitedToOwnRecords() {
        return !isSystem() && hasRole(Role.STAFF) && !hasRole(Role.MANAGER) && !hasRole(Role.ADMIN);
    }
}
