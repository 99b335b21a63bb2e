package io.kehu.platform.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a user may do. STAFF (sales and service staff) work on the customers they own, MANAGER sees the whole team's
 * customers, ADMIN also configures the platform (forms, rules, plugins, users).
 */
public enum Role {
    ADMIN,
    MANAGER,
    STAFF;

    /** The Spring Security authority for this role, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Parses the stored comma-separated form, e.g. {@code "ADMIN,STAFF"}; unknown names are an error. */
    public static Set<Role> parse(String stored) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String part : stored.split(",")) {
            if (!part.isBlank()) {
                roles.add(Role.valueOf(part.strip()));
            }
        }
        return roles;
    }

    /** The stored form of {@code roles}, in declaration order. */
    public static String format(Set<Role> roles) {
        return Arrays.stream(values()).filter(roles::contains).map(Role::name).collect(Collectors.joining(","));
    }
}
