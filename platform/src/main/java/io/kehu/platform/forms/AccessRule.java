package io.kehu.platform.forms;

import io.kehu.platform.security.Role;
import java.util.Set;

/**
 * Which roles may read and write a form or a field. An empty {@code read} means everyone may read; an empty
 * {@code write} means everyone who may read may also write. Writing implies reading. (An empty {@code write} used to
 * mean "everyone", which made a read restriction without a write list void: every role could write, hence read.)
 *
 * @param read roles that may see the values
 * @param write roles that may change them
 */
public record AccessRule(Set<Role> read, Set<Role> write) {

    public static final AccessRule UNRESTRICTED = new AccessRule(Set.of(), Set.of());

    public AccessRule {
        read = Set.copyOf(read);
        write = Set.copyOf(write);
    }

    public boolean mayRead(Set<Role> roles) {
        return readListed(roles) || !write.isEmpty() && roles.stream().anyMatch(write::contains);
    }

    public boolean mayWrite(Set<Role> roles) {
        return write.isEmpty() ? readListed(roles) : roles.stream().anyMatch(write::contains);
    }

    private boolean readListed(Set<Role> roles) {
        return read.isEmpty() || roles.stream().anyMatch(read::contains);
    }
}
