package io.kehu.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kehu.platform.support.KehuTest;
import io.kehu.platform.support.TestAccounts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Sign-in against the real account table on H2: first-start accounts, hashing, roles and throttling. */
@KehuTest
class AuthenticationTest {

    @Autowired
    AuthenticationManager authenticationManager;
    @Autowired
    UserAccounts accounts;

    @Test
    void firstStartCreatesAdminAndDemoUsersWithHashedPasswords() {
        assertThat(accounts.findAll()).extracting(UserAccount::username)
                // other tests sharing this Spring context add accounts of their own ("throttled", workflow users)
                .filteredOn(name -> List.of("admin", "manager", "staff").contains(name))
                .containsExactly("admin", "manager", "staff");
        UserAccount admin = accounts.findByUsername("admin").orElseThrow();
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(admin.passwordHash()).startsWith("{bcrypt}$2").doesNotContain(TestAccounts.ADMIN_PASSWORD);
        assertThat(accounts.findByUsername("STAFF")).get().extracting(UserAccount::roles)
                .isEqualTo(java.util.Set.of(Role.STAFF));
    }

    @Test
    void rightPasswordSignsInWithTheAccountsRoles() {
        Authentication result = authenticationManager.authenticate(
                new UsernamePasswordAuthenticationToken("manager", TestAccounts.DEMO_PASSWORD));
        assertThat(result.isAuthenticated()).isTrue();
        assertThat(result.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .filteredOn(a -> a.startsWith("ROLE_")).containsExactly("ROLE_MANAGER");
        assertThat(((KehuUserDetails) result.getPrincipal()).displayName()).contains("王芳");
    }

    @Test
    void wrongPasswordAndUnknownUserAreRefusedAlike() {
        assertThatThrownBy(() -> authenticationManager.authenticate(
                new UsernamePasswordAuthenticationToken("admin", "nope"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> authenticationManager.authenticate(
                new UsernamePasswordAuthenticationToken("ghost", "nope"))).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void repeatedFailuresPauseThatAddressButTheOwnerStillSignsInFromAnother() {
        accounts.create("throttled", "Test", "right-password-1", java.util.Set.of(Role.STAFF));
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> authenticationManager.authenticate(attempt("throttled", "guess", "203.0.113.66")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> authenticationManager.authenticate(
                attempt("throttled", "right-password-1", "203.0.113.66")))
                .as("even the right password waits at the attacker's address")
                .isInstanceOf(LoginThrottledException.class);
        assertThat(authenticationManager.authenticate(attempt("throttled", "right-password-1", "10.0.0.1"))
                .isAuthenticated()).as("the owner at the office").isTrue();
        assertThatThrownBy(() -> authenticationManager.authenticate(attempt("throttled", "guess", "203.0.113.66")))
                .as("a success elsewhere does not forgive the attacker").isInstanceOf(LoginThrottledException.class);
    }

    /** A sign-in attempt as the login form's POST makes it, with the caller's address. */
    private static UsernamePasswordAuthenticationToken attempt(String username, String password, String address) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(username,
                password);
        org.springframework.mock.web.MockHttpServletRequest request = new org.springframework.mock.web.MockHttpServletRequest();
        request.setRemoteAddr(address);
        token.setDetails(new org.springframework.security.web.authentication.WebAuthenticationDetails(request));
        return token;
    }
}
