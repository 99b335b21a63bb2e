package io.kehu.platform.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.kehu.platform.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** The home page: a greeting and the dashboard cards of every {@link DashboardContributor} (e.g. plugin widgets). */
@Route(value = "", layout = MainLayout.class)
@PermitAll
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    public HomeView(CurrentUser currentUser, List<DashboardContributor> dashboard) {
        H2 welcome = new H2(getTranslation("home.welcome", currentUser.displayName()));
        welcome.setId("welcome");

        List<com.vaadin.flow.component.Component> cards = dashboard.stream()
                .flatMap(d -> d.widgets(currentUser, getLocale()).stream()).toList();
        Div widgets = cards.isEmpty()
                ? new Div(new H3(getTranslation("home.placeholder.title")),
                        new Paragraph(getTranslation("home.placeholder.text")))
                : new Div(cards.toArray(com.vaadin.flow.component.Component[]::new));
        widgets.setId("dashboard");
        widgets.getStyle().set("border", "1px dashed var(--lumo-contrast-30pct)")
                .set("border-radius", "var(--lumo-border-radius-l)").set("padding", "var(--lumo-space-m)")
                .set("max-width", "48rem");
        add(welcome, widgets);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.title") + " · " + getTranslation("app.name");
    }
}
