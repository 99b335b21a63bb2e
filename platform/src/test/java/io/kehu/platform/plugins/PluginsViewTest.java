package io.kehu.platform.plugins;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.kehu.platform.plugins.ui.PluginsView;
import io.kehu.platform.security.KehuUserDetails;
import io.kehu.platform.security.Role;
import io.kehu.platform.support.KaribuSession;
import io.kehu.platform.support.KehuTest;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Karibu tests of the admin's Plugins screen and of a plugin's page and link in the running UI. */
@KehuTest
class PluginsViewTest {


    @Autowired
    ApplicationContext context;
    @Autowired
    PluginHost host;

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
        host.plugins().forEach(p -> host.uninstall(PluginLifecycleTest.ADMIN, p.pluginId()));
    }

    @Test
    void adminSeesPluginsDisablesOneAndItsPageAndLinkGo() throws Exception {
        host.install(PluginLifecycleTest.ADMIN, "karibu.jar", new ByteArrayInputStream(
                PluginJar.Sources.greeter("karibu-test", "io.kehu.plugins.karibu").bytes()));
        signIn("admin", Role.ADMIN);

        UI.getCurrent().navigate("apps/karibu-test/greeting");
        assertThat(_get(Span.class, spec -> spec.withId("test-plugin-greeting")).getText()).isEqualTo("Hi / Hello");
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel)
                .contains("Greeter karibu-test", "Plugins");

        UI.getCurrent().navigate(PluginsView.class);
        @SuppressWarnings("unchecked")
        Grid<PluginInfo> grid = _get(Grid.class, spec -> spec.withId("plugins-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._get(grid, 0).status()).isEqualTo(PluginStatus.STARTED);
        // Names and kinds people read; its id and extension classes only in the row's details.
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("Greeter karibu-test", "Started", "1.0.0", ">=0.1.0")
                .contains("pages ×1, navigation ×1, settings ×1").doesNotContain("karibu-test").noneMatch(c -> c.contains("Contribution"));
        assertThat(_get(com.vaadin.flow.component.details.Details.class, spec -> spec.withId("plugins-technical"))
                .isOpened()).isFalse();

        Button disable = (Button) GridKt._getCellComponent(grid, 0, "actions")
                .getChildren().filter(c -> c.getId().orElse("").equals("disable-karibu-test")).findFirst()
                .orElseThrow();
        disable.click();

        assertThat(host.plugin("karibu-test").orElseThrow().status()).isEqualTo(PluginStatus.DISABLED);
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("Disabled");
        UI.getCurrent().navigate("");
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).doesNotContain("Greeter karibu-test");
    }

    @Test
    void aPluginPageThatThrowsShowsANoticeNamingThePluginAndTheAppKeepsWorking() throws Exception {
        host.install(PluginLifecycleTest.ADMIN, "broken-page.jar", new ByteArrayInputStream(
                PluginJar.plugin("broken-page").description("Broken page")
                        .source("io.kehu.plugins.brokenpage.Page", """
                                package io.kehu.plugins.brokenpage;
                                import com.vaadin.flow.component.Component;
                                import io.kehu.sdk.*;
                                import io.kehu.sdk.ui.*;
                                @org.pf4j.Extension
                                public class Page implements ViewContribution {
                                    public String path() { return "page"; }
                                    public LocalText title() { return LocalText.of("坏页面", "Broken"); }
                                    public Component create(PluginContext c) {
                                        throw new IllegalStateException("page bug");
                                    }
                                }
                                """).bytes()));
        signIn("admin", Role.ADMIN);

        UI.getCurrent().navigate("apps/broken-page/page");
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("plugin-view-failed"))
                .getText()).contains("Broken page").doesNotContain("page bug");
        UI.getCurrent().navigate(PluginsView.class);
        assertThat(_find(Grid.class, spec -> spec.withId("plugins-grid"))).hasSize(1);
    }

    @Test
    void aRefusalFromAPluginIsShownInTheUsersLanguageAndDoesNotCountAgainstThePlugin() throws Exception {
        host.install(PluginLifecycleTest.ADMIN, "refusing-page.jar", new ByteArrayInputStream(
                PluginJar.plugin("refusing-page").description("Refusing page")
                        .source("io.kehu.plugins.refusingpage.Page", """
                                package io.kehu.plugins.refusingpage;
                                import com.vaadin.flow.component.Component;
                                import io.kehu.sdk.*;
                                import io.kehu.sdk.records.RecordException;
                                import io.kehu.sdk.ui.*;
                                @org.pf4j.Extension
                                public class Page implements ViewContribution {
                                    public String path() { return "page"; }
                                    public LocalText title() { return LocalText.of("拒绝页面", "Refusing"); }
                                    public Component create(PluginContext c) {
                                        throw new RecordException(RecordException.Reason.DENIED,
                                                LocalText.of("您无权查看这些上门记录", "You may not see these visits"));
                                    }
                                }
                                """).bytes()));
        signIn("admin", Role.ADMIN);

        UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("apps/refusing-page/page");
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("plugin-view-refused"))
                .getText()).isEqualTo("您无权查看这些上门记录");
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("apps/refusing-page/page");
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("plugin-view-refused"))
                .getText()).isEqualTo("You may not see these visits");
        assertThat(host.plugin("refusing-page").orElseThrow().error()).isNull();
    }

    @Test
    void aRefusalEscapingAPluginsClickHandlerIsANotificationInTheUsersLanguage() {
        signIn("staff", Role.STAFF);
        UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        var refusal = new io.kehu.sdk.records.RecordException(io.kehu.sdk.records.RecordException.Reason.VETOED,
                io.kehu.sdk.LocalText.of("不能改到过去的时间", "A visit cannot be moved into the past"));
        // Vaadin hands the session's error handler the listener's exception wrapped in its own
        com.vaadin.flow.server.VaadinSession.getCurrent().getErrorHandler()
                .error(new com.vaadin.flow.server.ErrorEvent(new RuntimeException("wrapped", refusal)));
        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications("不能改到过去的时间");
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        com.vaadin.flow.server.VaadinSession.getCurrent().getErrorHandler()
                .error(new com.vaadin.flow.server.ErrorEvent(new io.kehu.sdk.workflows.WorkflowRefusedException(
                        "WRONG_STATE", io.kehu.sdk.LocalText.of("状态不对", "Wrong state"))));
        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications("Wrong state");
    }

    @Test
    void staffCannotOpenThePluginsScreen() {
        signIn("staff", Role.STAFF);
        UI.getCurrent().navigate(PluginsView.ROUTE);
        assertThat(_find(io.kehu.platform.ui.PageForbiddenView.class)).hasSize(1);
        assertThat(_find(PluginsView.class)).isEmpty();
    }

    private void signIn(String username, Role... roles) {
        KaribuSession.signIn(context, new KehuUserDetails(username, username, List.of(roles)));
    }
}
