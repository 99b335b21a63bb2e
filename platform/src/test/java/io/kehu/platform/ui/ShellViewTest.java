package io.kehu.platform.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.kehu.platform.i18n.Languages;
import io.kehu.platform.security.KehuUserDetails;
import io.kehu.platform.security.LoginView;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.KaribuSession;
import io.kehu.platform.support.KehuTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Karibu tests of the shell: layout, navigation per role, language switch, and the door for strangers. */
@KehuTest
class ShellViewTest {


    @Autowired
    ApplicationContext context;
    @Autowired
    UserAccounts accounts;

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
        accounts.saveLanguage("staff", null);
    }

    @Test
    void staffSeesTheLayoutWithoutTheAdministrationSection() {
        signIn("staff", "李强 Li Qiang", Role.STAFF);
        UI.getCurrent().navigate(HomeView.class);

        assertThat(_get(H2.class, spec -> spec.withId("welcome")).getText()).isEqualTo("Welcome back, 李强 Li Qiang");
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel)
                .as("no forms are published in this test; every user has tasks, imports and API tokens")
                .containsExactly("Home", "My tasks", "My imports", "API tokens");
        assertThat(_find(SideNav.class, spec -> spec.withId("nav-customers"))).hasSize(1);
        assertThat(_find(SideNav.class, spec -> spec.withId("nav-admin"))).isEmpty();
    }

    @Test
    void adminSeesTheAdministrationSection() {
        signIn("admin", "Administrator", Role.ADMIN);
        UI.getCurrent().navigate(HomeView.class);
        assertThat(_find(SideNav.class, spec -> spec.withId("nav-admin"))).hasSize(1);
    }

    @Test
    void languageSwitchChangesTheUiAndIsRememberedForTheUser() {
        signIn("staff", "李强 Li Qiang", Role.STAFF);
        UI.getCurrent().navigate(HomeView.class);
        Button toChinese = _get(Button.class, spec -> spec.withId("language-switch"));
        assertThat(toChinese.getText()).isEqualTo("中文");

        toChinese.click();

        assertThat(UI.getCurrent().getLocale()).isEqualTo(Languages.CHINESE);
        assertThat(accounts.findByUsername("staff").orElseThrow().languageTag()).contains("zh-CN");
        UI.getCurrent().navigate(HomeView.class); // what the page reload does in a browser
        assertThat(_get(H2.class, spec -> spec.withId("welcome")).getText()).isEqualTo("欢迎回来，李强 Li Qiang");
        assertThat(_get(Button.class, spec -> spec.withId("language-switch")).getText()).isEqualTo("English");
    }

    @Test
    void avatarsShowTheFamilyNameOfChineseNamesAndInitialsOtherwise() {
        assertThat(MainLayout.initials("李强 Li Qiang")).isEqualTo("李");
        assertThat(MainLayout.initials("Wang Fang")).isEqualTo("WF");
        assertThat(MainLayout.initials(" ")).isEqualTo("?");
    }

    @Test
    void strangersAreSentToTheLoginPage() {
        KaribuSession.anonymous(context);
        UI.getCurrent().navigate(HomeView.class);
        assertThat(_find(LoginView.class)).hasSize(1);
        assertThat(_find(HomeView.class)).isEmpty();
    }

    private void signIn(String username, String displayName, Role... roles) {
        KaribuSession.signIn(context, new KehuUserDetails(username, displayName, List.of(roles)));
    }
}
