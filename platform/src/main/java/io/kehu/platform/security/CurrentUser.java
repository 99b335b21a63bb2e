package io.kehu.platform.security;

import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The signed-in user as views and services see it. */
@Component
public class CurrentUser {

    private final AuthenticationContext authentication;

    CurrentUser(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    public Optional<KehuUserDetails> details() {
        return authentication.getAuthenticatedUser(KehuUserDetails.class);
    }

    /** The sign-in name; empty when nobody is signed in. */
    public Optional<String> username() {
        return authentication.getPrincipalName();
    }

    public String displayName() {
        return details().map(KehuUserDetails::displayName).or(this::username).orElse("");
    }

    public boolean hasRole(Role role) {
        return authentication.hasRole(role.name());
    }

    public void logout() {
        authentication.logout();
    }
}
