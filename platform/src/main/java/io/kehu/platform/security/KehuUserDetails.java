package io.kehu.platform.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in principal: Spring Security's user plus the name Kehu shows in its header. */
public class KehuUserDetails extends User {

    private final String displayName;

    KehuUserDetails(UserAccount account) {
        super(account.username(), account.passwordHash(), account.enabled(), true, true, true,
                account.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
        this.displayName = account.displayName();
    }

    /** Test and tooling constructor: a principal for {@code username} with {@code roles}. */
    public KehuUserDetails(String username, String displayName, List<Role> roles) {
        super(username, "", roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
