package io.kehu.platform.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.kehu.platform.security.CurrentUser;
import io.kehu.platform.workspace.Workspace;
import jakarta.annotation.security.PermitAll;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/**
 * The home page: a greeting, the {@link HomeSection}s meant for the user (an administrator's start page), and the
 * user's workspace (my customers, follow-ups, recent activity, open complaints,
 * shortcuts), followed by the dashboard cards of every {@link DashboardContributor} (e.g. plugin widgets) in the same
 * responsive grid.
 */
@Route(value = "", layout = MainLayout.class)
@PermitAll
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    public HomeView(CurrentUser currentUser, Workspace workspace, List<DashboardContributor> dashboard,
                    List<HomeSection> sections) {
        H2 welcome = new H2(getTranslation("home.welcome", currentUser.displayName()));
        welcome.setId("welcome");
        welcome.getStyle().set("margin", "0");
        List<Component> cards = dashboard.stream()
                .flatMap(d -> d.widgets(currentUser, getLocale()).stream()).toList();
        String username = currentUser.username().orElseThrow(() -> new IllegalStateException("No signed-in user"));
        add(welcome);
        ZoneId zone = zone();
        sections.forEach(s -> s.section(currentUser, getLocale(), zone).ifPresent(this::add));
        add(workspace.board(username, getLocale(), zone, cards));
    }

    /** The browser's time zone ("today" is the user's today), or the server's until the browser has said. */
    private static ZoneId zone() {
        UI ui = UI.getCurrent();
        ExtendedClientDetails details = ui == null ? null : ui.getPage().getExtendedClientDetails();
        String id = details == null ? null : details.getTimeZoneId();
        try {
            return id == null || id.isBlank() ? ZoneId.systemDefault() : ZoneId.of(id);
        } catch (DateTimeException unknown) {
            return ZoneId.systemDefault();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.title") + " · " + getTranslation("app.name");
    }
}
