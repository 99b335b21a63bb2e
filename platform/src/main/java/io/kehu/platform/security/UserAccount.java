package io.kehu.platform.security;

import java.util.Optional;
import java.util.Set;

/**
 * A platform account.
 *
 * @param id database id
 * @param username sign-in name, unique
 * @param displayName name shown in the UI, e.g. 李强
 * @param passwordHash encoded password with its algorithm prefix, e.g. {@code {bcrypt}...}
 * @param roles the account's roles, never empty
 * @param languageTag the language the user chose, as a BCP 47 tag; empty until the user picks one
 * @param enabled whether the account may sign in
 */
public record UserAccount(long id, String username, String displayName, String passwordHash, Set<Role> roles,
                          Optional<String> languageTag, boolean enabled) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
