package io.kehu.platform.support;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import io.kehu.platform.security.KehuUserDetails;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A Karibu (server-side, browserless) Vaadin session for view tests, signed in the way Spring Security would sign a
 * browser in. Karibu runs no servlet filters, so the principal and its roles are handed to the fake request here.
 */
public final class KaribuSession {

    /** Every route of the platform, discovered once per test JVM (the scan takes seconds). */
    public static final Routes ROUTES = new Routes().autoDiscoverViews("io.kehu.platform");

    private KaribuSession() {
    }

    /** A session without a signed-in user (sees only the login view). */
    public static void anonymous(ApplicationContext context) {
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    /** A session signed in as the stored account {@code username}, with its roles; English UI. */
    public static void signIn(ApplicationContext context, UserAccounts accounts, String username) {
        UserAccount account = accounts.findByUsername(username).orElseThrow();
        signIn(context, new KehuUserDetails(account.username(), account.displayName(), List.copyOf(account.roles())));
    }

    /** A session signed in as {@code principal} (need not be a stored account); English UI. */
    public static void signIn(ApplicationContext context, KehuUserDetails principal) {
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities());
        SecurityContextHolder.getContext().setAuthentication(authentication);
        anonymous(context);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((p, role) -> principal.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
        UI.getCurrent().setLocale(Locale.ENGLISH);
    }

    public static void signOut() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }
}
