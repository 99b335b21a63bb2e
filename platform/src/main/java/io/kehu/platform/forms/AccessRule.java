package io.kehu.platform.forms;

import io.kehu.platform.security.Role;
import java.util.Set;

/**
 * Which roles may read and write a form or a field. An empty set means "no restriction at this level".
 *
 * @param read roles that may see the values
 * @param write roles that may change them (writing implies reading)
 */
public record AccessRule(Set<Role> read, Set<Role> write) {

    public static final AccessRule UNRESTRICTED = new AccessRule(Set.of(), Set.of());

    public AccessRule {
        read = Set.copyOf(read);
        write = Set.copyOf(write);
    }

    public boolean mayRead(Set<Role> roles) {
        return mayWrite(roles) || read.isEmpty() || roles.stream().anyMatch(read::contains);
    }

    public boolean mayWrite(Set<Role> roles) {
        return write.isEmpty() || roles.stream().anyMatch(write::contains);
    }
}
