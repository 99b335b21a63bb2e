package io.kehu.platform.rules.script;

import java.util.Locale;
import java.util.Set;

/**
 * The user a rule runs for ({@code user}): {@code user.username}, {@code user.hasRole('MANAGER')}. Computed fields
 * run for the saving user too; jobs and imports run as the platform itself (no id, every role).
 */
public final class RuleUser {

    private final Long id;
    private final String username;
    private final Set<String> roles;

    public RuleUser(Long id, String username, Set<String> roles) {
        this.id = id;
        this.username = username;
        this.roles = Set.copyOf(roles);
    }

    /** The account id, or null for the platform itself. */
    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    /** Role names: {@code ADMIN}, {@code MANAGER}, {@code STAFF}. */
    public Set<String> getRoles() {
        return roles;
    }

    /** Whether the user holds {@code role}, in any letter case. */
    public boolean hasRole(String role) {
        return role != null && roles.contains(role.toUpperCase(Locale.ROOT));
    }
}
