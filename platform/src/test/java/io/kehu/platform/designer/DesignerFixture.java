package io.kehu.platform.designer;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.security.KehuUserDetails;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** The shipped forms published once per test database, a second administrator, and Karibu sign-in. */
final class DesignerFixture {

    static final Routes ROUTES = new Routes().autoDiscoverViews("io.kehu.platform");
    static final String SECOND_ADMIN = "admin2";

    private DesignerFixture() {
    }

    static void publishForms(FormCatalog catalog, FormPublisher publisher, UserAccounts accounts) {
        if (catalog.published("customer").isEmpty()) {
            publisher.publishAll(new DefinitionReader().readFolder(Path.of("../form-definitions")), "test",
                    "designer tests");
        }
        if (accounts.findByUsername(SECOND_ADMIN).isEmpty()) {
            accounts.create(SECOND_ADMIN, "Second admin", "second-Admin-pw-1", Set.of(Role.ADMIN));
        }
    }

    static void signIn(ApplicationContext context, UserAccounts accounts, String username) {
        UserAccount account = accounts.findByUsername(username).orElseThrow();
        List<Role> roles = List.copyOf(account.roles());
        var principal = new KehuUserDetails(account.username(), account.displayName(), roles);
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities());
        SecurityContextHolder.getContext().setAuthentication(authentication);
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((p, role) -> roles.stream().anyMatch(r -> r.name().equals(role)));
        UI.getCurrent().setLocale(Locale.ENGLISH);
    }

    static void signOut() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }
}
