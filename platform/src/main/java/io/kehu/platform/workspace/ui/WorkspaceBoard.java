package io.kehu.platform.workspace.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.kehu.platform.charts.ChartView;
import io.kehu.platform.charts.Charts;
import io.kehu.platform.workspace.WorkspaceData;
import io.kehu.platform.workspace.WorkspaceForms;
import io.kehu.sdk.ui.ChartSpec;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The workspace boxes and the plugins' cards in one CSS grid: as many columns of at least 20 rem as fit (three or
 * four at 1366 px), one on a phone, so boxes stack instead of squeezing. Every box shows a count or an empty state.
 */
public class WorkspaceBoard extends Div {

    /** Low to critical: green, amber, orange, red. */
    private static final String[] SEVERITY_COLOURS = {"#2f9e44", "#f59f00", "#e8590c", "#c92a2a"};

    private final WorkspaceData data;
    private final DateTimeFormatter dates;
    private final DateTimeFormatter dateTimes;

    public WorkspaceBoard(WorkspaceData data, List<Component> pluginCards, Locale locale, ZoneId zone) {
        this.data = data;
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(zone);
        this.dateTimes = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone);
        setId("dashboard");
        setWidthFull();
        getStyle().set("display", "grid")
                .set("grid-template-columns", "repeat(auto-fill, minmax(min(100%, 20rem), 1fr))")
                .set("gap", "var(--lumo-space-m)").set("align-items", "start").set("box-sizing", "border-box");
        add(shortcuts());
        if (data.myCustomers() >= 0) {
            add(customers());
        }
        add(followUps("today", data.dueToday(), false), followUps("overdue", data.overdue(), true), complaints(),
                recent());
        for (Component card : pluginCards) {
            Div cell = new Div(card);
            cell.addClassName("kehu-workspace-plugin");
            cell.getStyle().set("min-width", "0").set("overflow-x", "auto")
                    .set("border", "1px solid var(--lumo-contrast-10pct)")
                    .set("border-radius", "var(--lumo-border-radius-l)").set("padding", "var(--lumo-space-m)");
            add(cell);
        }
    }

    /** The data shown (for tests). */
    public WorkspaceData data() {
        return data;
    }

    private Box shortcuts() {
        Box box = new Box("shortcuts", getTranslation("workspace.shortcuts"), null);
        Div buttons = new Div();
        buttons.getStyle().set("display", "flex").set("flex-wrap", "wrap");
        if (data.creatable().contains(WorkspaceForms.CUSTOMER)) {
            buttons.add(Links.button("shortcut-new-customer", "forms/customer/new",
                    getTranslation("workspace.newCustomer"), true));
        }
        if (data.creatable().contains(WorkspaceForms.INTERACTION)) {
            buttons.add(Links.button("shortcut-new-interaction", "forms/interaction/new",
                    getTranslation("workspace.newInteraction"), false));
        }
        return buttons.getChildren().findAny().isPresent() ? box.content(buttons)
                : box.empty("shortcuts", getTranslation("workspace.shortcuts.none"));
    }

    private Box customers() {
        Box box = new Box("customers", getTranslation("workspace.customers"), null);
        Span count = new Span(String.valueOf(data.myCustomers()));
        count.setId("box-customers-count");
        count.getStyle().set("font-size", "var(--lumo-font-size-xxxl)").set("font-weight", "700")
                .set("line-height", "1.1");
        Span note = new Span(getTranslation(data.onlyOwn() ? "workspace.customers.onlyOwn"
                : "workspace.customers.managed"));
        note.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        box.content(count, note);
        if (data.myCustomers() == 0) {
            box.empty("customers", getTranslation("workspace.customers.empty"));
        }
        return box.content(new Div(Links.button("box-customers-list", "forms/customer",
                getTranslation("workspace.customers.list"), false)));
    }

    private Box followUps(String name, List<WorkspaceData.FollowUp> items, boolean overdue) {
        Box box = new Box(name, getTranslation("workspace." + name), cap(items.size()));
        if (items.isEmpty()) {
            return box.empty(name, getTranslation("workspace." + name + ".empty"));
        }
        LocalDate today = LocalDate.now(dates.getZone());
        for (WorkspaceData.FollowUp f : items.stream().limit(8).toList()) {
            String when = overdue
                    ? getTranslation("workspace.overdue.days", ChronoUnit.DAYS.between(f.due(), today))
                    : getTranslation("workspace.today.due");
            Anchor row = Links.row("forms/customer/" + f.customerId(), f.customerName(),
                    when + " · " + f.summary());
            row.getElement().setAttribute("data-follow-up", String.valueOf(f.interactionId()));
            if (overdue) {
                row.getStyle().set("border-left", "3px solid var(--lumo-error-color)");
            }
            box.content(row);
        }
        return box.content(new Div(Links.button("box-" + name + "-log",
                "forms/interaction/new?customer=" + items.getFirst().customerId(),
                getTranslation("workspace.followUp.log", items.getFirst().customerName()), false)));
    }

    private Box complaints() {
        Box box = new Box("complaints", getTranslation("workspace.complaints"), cap(data.openComplaints()));
        if (data.complaints().isEmpty()) {
            return box.empty("complaints", getTranslation("workspace.complaints.empty"));
        }
        for (WorkspaceData.Complaint c : data.complaints()) {
            String meta = String.join(" · ", List.of(c.severity(), c.status(), dateTimes.format(c.receivedAt()))
                    .stream().filter(s -> !s.isEmpty()).toList());
            box.content(Links.row("forms/feedback/" + c.id(), c.customerName() + " — " + c.description(), meta));
        }
        if (!data.complaintMix().isEmpty()) {
            box.content(complaintChart(data.complaintMix()));
        }
        return box;
    }

    /** Bars per status, one series per severity in rising colours: where complaints pile up, at a glance. */
    private Component complaintChart(List<WorkspaceData.ComplaintCount> mix) {
        List<String> statuses = mix.stream().map(WorkspaceData.ComplaintCount::status).distinct().toList();
        List<String> severities = mix.stream().map(WorkspaceData.ComplaintCount::severity).distinct().toList();
        List<ChartSpec.Series> series = new ArrayList<>();
        for (int i = 0; i < severities.size(); i++) {
            String severity = severities.get(i);
            List<Long> counts = statuses.stream().map(status -> mix.stream()
                    .filter(c -> c.status().equals(status) && c.severity().equals(severity))
                    .mapToLong(WorkspaceData.ComplaintCount::count).sum()).toList();
            series.add(new ChartSpec.Series(severity.isEmpty() ? getTranslation("workspace.complaints.chart.all")
                    : severity, counts, List.of(SEVERITY_COLOURS[Math.min(i, SEVERITY_COLOURS.length - 1)])));
        }
        ChartView chart = Charts.of(new ChartSpec(ChartSpec.Kind.BAR,
                getTranslation("workspace.complaints.chart"), statuses, series));
        chart.setId("complaints-chart");
        chart.setHeight("13rem");
        return chart;
    }

    private Box recent() {
        Box box = new Box("recent", getTranslation("workspace.recent"), null);
        if (data.recent().isEmpty()) {
            return box.empty("recent", getTranslation("workspace.recent.empty"));
        }
        for (WorkspaceData.Activity a : data.recent()) {
            String when = (a.dateOnly() ? dates : dateTimes).format(a.at());
            String main = a.customerName().isEmpty() ? a.formLabel() : a.customerName() + " · " + a.formLabel();
            box.content(Links.row("forms/" + a.formId() + "/" + a.id(), main, when + " · " + a.text()));
        }
        return box;
    }

    /** Counts at the query cap show as "200+": the lists are read a page at a time, not counted to the end. */
    private static String cap(long count) {
        return count >= WorkspaceData.CAP ? WorkspaceData.CAP + "+" : String.valueOf(count);
    }
}
