package io.kehu.platform.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;
import io.kehu.platform.i18n.Languages;
import io.kehu.platform.security.KehuUserDetails;
import io.kehu.platform.security.Role;
import io.kehu.platform.support.KaribuSession;
import io.kehu.platform.support.KehuTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Unknown and forbidden routes show localized pages inside the app frame, with a way back home, and give the page
 * request its status (404, 403). The real server's answers are checked in {@link ErrorStatusOverHttpTest}.
 */
@KehuTest
class ErrorPagesTest {

    @Autowired
    ApplicationContext context;

    @AfterEach
    void tearDown() {
        KaribuSession.signOut();
    }

    @Test
    void anUnknownRouteShowsPageNotFoundInTheUsersLanguage() {
        KaribuSession.signIn(context, new KehuUserDetails("staff", "李强 Li Qiang", List.of(Role.STAFF)));
        assertThat(openAddress("no-such-page")).as("HTTP status of the page").isEqualTo(404);
        assertThat(_find(PageForbiddenView.class)).as("what Vaadin's access control makes of it").isEmpty();
        assertThat(_find(PageNotFoundView.class)).hasSize(1);
        assertThat(_find(MainLayout.class)).as("inside the app frame").hasSize(1);
        assertThat(_get(H2.class).getText()).isEqualTo("Page not found");
        assertThat(_get(Anchor.class, spec -> spec.withId("error-home")).getText()).isEqualTo("Back to the home page");

        UI.getCurrent().setLocale(Languages.CHINESE);
        assertThat(openAddress("forms/x/y/z")).isEqualTo(404);
        assertThat(_get(H2.class).getText()).isEqualTo("页面不存在");
        assertThat(_get(Anchor.class, spec -> spec.withId("error-home")).getText()).isEqualTo("返回首页");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("页面不存在 · Kehu 客户管理");
    }

    @Test
    void aForbiddenRouteShowsNoAccess() {
        KaribuSession.signIn(context, new KehuUserDetails("staff", "李强 Li Qiang", List.of(Role.STAFF)));
        UI.getCurrent().setLocale(Languages.CHINESE);
        assertThat(openAddress("admin/forms")).isEqualTo(403);
        assertThat(_find(PageForbiddenView.class)).hasSize(1);
        assertThat(_find(MainLayout.class)).as("inside the app frame, with the menu").hasSize(1);
        assertThat(_get(H2.class).getText()).isEqualTo("无权访问");
    }

    /**
     * Opens an address the way a browser's first page load does, returning the HTTP status the navigation sets.
     * {@code UI.navigate} cannot be used for an unknown address: it hands addresses that are no route to the
     * client-side router, which Karibu does not have.
     */
    private static int openAddress(String path) {
        UI ui = UI.getCurrent();
        return ui.getInternals().getRouter().navigate(ui, new Location(path), NavigationTrigger.PAGE_LOAD);
    }
}
