package io.kehu.platform.dashboards.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import io.kehu.platform.dashboards.DashboardDefinition;
import io.kehu.platform.dashboards.DashboardDefinition.Widget;
import io.kehu.platform.dashboards.Dashboards;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.metrics.MetricDefinition;
import io.kehu.platform.metrics.MetricRequest;
import io.kehu.platform.metrics.MetricResult;
import io.kehu.platform.metrics.MetricScope;
import io.kehu.platform.metrics.MetricSnapshot;
import io.kehu.platform.metrics.Metrics;
import io.kehu.platform.metrics.Period;
import io.kehu.platform.security.AccessRefusedException;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.CurrentUser;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.ui.MainLayout;
import io.kehu.platform.views.ListLinks;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A dashboard at {@code dashboards} (the viewer's default) or {@code dashboards/<id>}: a period filter and global
 * filters (owner, level, region) for all widgets ({@code ?period=this_month&region=east_china}, so the back button
 * from a drill-through returns to the same figures), the dashboards
 * the viewer's roles may open, and the widgets in a grid that folds to one column on a phone. All widgets are computed
 * in one call, so widgets on the same form share a query.
 */
// two routes rather than an optional parameter, so the plain one is walked by the route tests (ChineseRoutesIT)
@Route(value = "dashboards", layout = MainLayout.class)
@RouteAlias(value = "dashboards/:dashboard", layout = MainLayout.class)
@PermitAll
public class DashboardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String PERIOD = "period";

    private final Dashboards dashboards;
    private final Metrics metrics;
    private final FormCatalog catalog;
    private final UserAccounts accounts;
    private final CurrentUser currentUser;
    private String title = "";

    public DashboardView(Dashboards dashboards, Metrics metrics, FormCatalog catalog, UserAccounts accounts,
                         CurrentUser currentUser) {
        this.dashboards = dashboards;
        this.metrics = metrics;
        this.catalog = catalog;
        this.accounts = accounts;
        this.currentUser = currentUser;
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Actor actor = Actor.of(accounts.findByUsername(currentUser.username().orElseThrow()).orElseThrow());
        Optional<DashboardDefinition> chosen = event.getRouteParameters().get("dashboard")
                .map(id -> dashboards.visible(actor, id)).orElseGet(() -> dashboards.defaultFor(actor));
        title = getTranslation("dashboards.title");
        if (chosen.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("dashboards.none"));
            none.setId("dashboards-none");
            add(new H2(title), none);
            return;
        }
        DashboardDefinition dashboard = chosen.get();
        title = dashboard.label().in(getLocale());
        PeriodChoice choice = event.getLocation().getQueryParameters().getSingleParameter(PERIOD)
                .flatMap(DashboardView::choice).orElse(PeriodChoice.LAST_12_MONTHS);
        MetricScope scope = ScopeBar.read(event.getLocation().getQueryParameters().getParameters());
        ZoneId zone = ListLinks.zone(UI.getCurrent());
        Period period = choice.period(LocalDate.now(zone));
        Figures figures = new Figures(getLocale(), this::getTranslation, catalog, accounts);
        add(header(actor, dashboard, choice, scope, period, figures),
                widgets(actor, dashboard, period, scope, zone, figures));
    }

    /**
     * Stores widget {@code at} of the viewer's own {@code dashboard} with a new size (dragged on the screen itself)
     * and draws the widgets again in it.
     */
    private void resize(Actor actor, DashboardDefinition dashboard, int at, int columns, int height, Period period,
                        MetricScope scope, ZoneId zone, Figures figures) {
        Widget now = dashboard.widgets().get(at);
        if (now.columns() == columns && now.height() == height) {
            return;
        }
        List<Widget> resized = new ArrayList<>(dashboard.widgets());
        resized.set(at, now.resized(columns, height));
        DashboardDefinition saved = dashboards.save(actor, new DashboardDefinition(dashboard.id(), dashboard.label(),
                java.util.Set.of(), java.util.Set.of(), resized, actor.userId()),
                dashboard.roles().stream().findFirst().orElse(null));
        getChildren().filter(c -> c.getId().filter("dashboard-widgets"::equals).isPresent()).findFirst()
                .ifPresent(old -> replace(old, widgets(actor, saved, period, scope, zone, figures)));
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }

    private static Optional<PeriodChoice> choice(String value) {
        try {
            return Optional.of(PeriodChoice.valueOf(value.toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** Opens {@code dashboardId} with the period and global filters in the URL (so the back button keeps them). */
    private static void open(String dashboardId, PeriodChoice choice, MetricScope scope) {
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        parameters.put(PERIOD, choice.name().toLowerCase(java.util.Locale.ROOT));
        parameters.putAll(ScopeBar.write(scope));
        UI.getCurrent().navigate("dashboards/" + dashboardId, QueryParameters.simple(parameters));
    }

    private Component header(Actor actor, DashboardDefinition dashboard, PeriodChoice choice, MetricScope scope,
                             Period period, Figures figures) {
        H2 heading = new H2(dashboard.label().in(getLocale()));
        heading.setId("dashboard-title");
        heading.getStyle().set("margin", "0");
        Select<PeriodChoice> periods = new Select<>();
        periods.setId("dashboard-period");
        periods.setLabel(getTranslation("dashboards.period"));
        periods.setItems(PeriodChoice.values());
        periods.setItemLabelGenerator(c -> getTranslation(c.messageKey()));
        periods.setValue(choice);
        periods.addValueChangeListener(e -> open(dashboard.id(), e.getValue(), scope));
        Span range = new Span(figures.range(period));
        range.setId("dashboard-range");
        range.getStyle().set("color", "var(--lumo-secondary-text-color)");
        HorizontalLayout header = new HorizontalLayout(heading, periods);
        ScopeBar.controls(scope, catalog, accounts, getLocale(), this::getTranslation,
                changed -> open(dashboard.id(), choice, changed)).forEach(header::add);
        header.add(range);
        List<DashboardDefinition> visible = dashboards.visibleTo(actor);
        if (visible.size() > 1) {
            Select<DashboardDefinition> others = new Select<>();
            others.setId("dashboard-choice");
            others.setLabel(getTranslation("dashboards.choose"));
            others.setItems(visible);
            others.setItemLabelGenerator(d -> d.label().in(getLocale()));
            others.setValue(dashboard);
            others.addValueChangeListener(e -> open(e.getValue().id(), choice, scope));
            header.addComponentAtIndex(1, others);
        }
        if (Dashboards.mayDesign(actor)) {
            com.vaadin.flow.component.html.Anchor edit = new com.vaadin.flow.component.html.Anchor(
                    "dashboard-editor/" + dashboard.id(), getTranslation(dashboard.ownedBy(actor.userId())
                    ? "dashboards.edit" : "dashboards.copy"));
            edit.setId("dashboard-edit");
            edit.getElement().setAttribute("router-link", true);
            com.vaadin.flow.component.html.Anchor create = new com.vaadin.flow.component.html.Anchor(
                    "dashboard-editor", getTranslation("dashboards.new"));
            create.setId("dashboard-new");
            create.getElement().setAttribute("router-link", true);
            header.add(edit, create);
        }
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWrap(true);
        header.setWidthFull();
        return header;
    }

    private Div widgets(Actor actor, DashboardDefinition dashboard, Period period, MetricScope scope, ZoneId zone,
                        Figures figures) {
        Div grid = new Div();
        grid.setId("dashboard-widgets");
        grid.setWidthFull();
        grid.addClassName("kehu-dashboard-grid"); // four columns, two on a tablet, one on a phone (kehu.css)
        Map<String, MetricDefinition> known = metrics.definitions().stream()
                .collect(Collectors.toMap(MetricDefinition::id, Function.identity()));
        List<Widget> shown = new ArrayList<>();
        List<Integer> shownAt = new ArrayList<>();
        List<List<MetricRequest>> requests = new ArrayList<>();
        for (int w = 0; w < dashboard.widgets().size(); w++) {
            Widget widget = dashboard.widgets().get(w);
            List<MetricDefinition> used = widget.metrics().stream().map(known::get).toList();
            if (used.stream().anyMatch(java.util.Objects::isNull)) {
                continue; // a metric whose form is not published (or that does not read) has no widget
            }
            shownAt.add(w); // its place in the definition, where a resize on the screen stores the new size
            shown.add(widget);
            requests.add(Widgets.requests(widget, used, period, scope));
        }
        List<List<MetricResult>> results = compute(actor, requests, zone);
        for (int i = 0; i < shown.size(); i++) {
            String id = "widget-" + i;
            if (results.get(i) == null) {
                Div refused = new Div(new Span(getTranslation("dashboards.refused")));
                refused.setId(id);
                refused.addClassName("kehu-widget");
                grid.add(refused);
            } else {
                Widget widget = shown.get(i);
                MetricDefinition first = results.get(i).get(0).metric();
                // a snapshot is the figure over all records: none beside a figure narrowed by global filters
                MetricSnapshot snapshot = widget.chart() == DashboardDefinition.Chart.NUMBER && scope.isAll()
                        ? metrics.snapshot(actor, first, period, zone, LocalDate.now(zone)).orElse(null) : null;
                WidgetCard card = new WidgetCard(id, widget, results.get(i), snapshot, figures);
                if (dashboard.ownedBy(actor.userId()) && Dashboards.mayDesign(actor)) {
                    int at = shownAt.get(i);
                    String name = widget.label() != null ? widget.label().in(getLocale())
                            : first.label().in(getLocale());
                    InPlaceResize.attach(card, grid, id, widget, getTranslation("dashboards.editor.resize", name,
                            WidgetRows.size(this::getTranslation, widget.columns(), widget.height())),
                            (columns, height) -> resize(actor, dashboard, at, columns, height, period, scope, zone,
                                    figures));
                }
                grid.add(card);
            }
        }
        if (shown.isEmpty()) {
            grid.add(new Paragraph(getTranslation("dashboards.noWidgets")));
        }
        return grid;
    }

    /**
     * All widgets' figures in one call (widgets on the same form share a query; the closed months of a trend read as
     * reported, {@link Metrics#computeReported}); when the viewer may not read a
     * measured field, the widgets are computed one by one so only those that need it are refused.
     */
    private List<List<MetricResult>> compute(Actor actor, List<List<MetricRequest>> requests, ZoneId zone) {
        List<MetricRequest> all = requests.stream().flatMap(List::stream).toList();
        List<List<MetricResult>> perWidget = new ArrayList<>();
        LocalDate today = LocalDate.now(zone);
        try {
            List<MetricResult> flat = metrics.computeReported(actor, all, zone, today);
            int at = 0;
            for (List<MetricRequest> widget : requests) {
                perWidget.add(flat.subList(at, at + widget.size()));
                at += widget.size();
            }
        } catch (AccessRefusedException refused) {
            for (List<MetricRequest> widget : requests) {
                try {
                    perWidget.add(metrics.computeReported(actor, widget, zone, today));
                } catch (AccessRefusedException e) {
                    perWidget.add(null);
                }
            }
        }
        return perWidget;
    }
}
