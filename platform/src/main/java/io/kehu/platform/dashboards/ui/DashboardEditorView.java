package io.kehu.platform.dashboards.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import io.kehu.platform.dashboards.DashboardDefinition;
import io.kehu.platform.dashboards.DashboardDefinition.Chart;
import io.kehu.platform.dashboards.DashboardDefinition.Widget;
import io.kehu.platform.dashboards.Dashboards;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.metrics.MetricDefinition;
import io.kehu.platform.metrics.Metrics;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.CurrentUser;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The dashboard editor at {@code dashboard-editor} (new) or {@code dashboard-editor/<id>} (one's own; a shipped or
 * shared one is copied): a name, who it is shared with, and the widgets — add one from a metric with its chart, move
 * it up or down, size it (1 to 4 columns, short/standard/tall: the selects on its row, or dragging the corner of its
 * box in the layout preview), give it a title of its own, choose a table's metrics, remove it. Saving stores it ({@code kehu_dashboard}) and opens it.
 */
// two routes rather than an optional parameter, so the plain one is walked by the route tests (ChineseRoutesIT)
@Route(value = "dashboard-editor", layout = MainLayout.class)
@RouteAlias(value = "dashboard-editor/:dashboard", layout = MainLayout.class)
@RolesAllowed({"MANAGER", "ADMIN"})
public class DashboardEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final Dashboards dashboards;
    private final Metrics metrics;
    private final UserAccounts accounts;
    private final CurrentUser currentUser;
    private final List<Widget> widgets = new ArrayList<>();
    private final WidgetRows widgetRows = new WidgetRows(this::getTranslation);
    private final com.vaadin.flow.component.html.Div preview = new com.vaadin.flow.component.html.Div();
    private final TextField name = new TextField();
    private final Select<Role> share = new Select<>();
    private Map<String, MetricDefinition> known = Map.of();
    private String editedId;
    private Actor actor;

    public DashboardEditorView(Dashboards dashboards, Metrics metrics, UserAccounts accounts,
                               CurrentUser currentUser) {
        this.dashboards = dashboards;
        this.metrics = metrics;
        this.accounts = accounts;
        this.currentUser = currentUser;
        setMaxWidth("60rem");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("dashboards.editor.title") + " · " + getTranslation("app.name");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        widgets.clear();
        actor = Actor.of(accounts.findByUsername(currentUser.username().orElseThrow()).orElseThrow());
        known = metrics.definitions().stream().collect(Collectors.toMap(MetricDefinition::id, Function.identity()));
        DashboardDefinition start = event.getRouteParameters().get("dashboard")
                .flatMap(id -> dashboards.visible(actor, id)).orElse(null);
        editedId = start != null && start.ownedBy(actor.userId()) ? start.id() : null;
        name.setId("editor-name");
        name.setLabel(getTranslation("dashboards.editor.name"));
        name.setRequired(true);
        name.setMaxLength(120);
        name.setValue(start == null ? "" : start.label().in(getLocale())
                + (editedId == null ? getTranslation("dashboards.editor.copy") : ""));
        share.setId("editor-share");
        share.setLabel(getTranslation("dashboards.editor.share"));
        share.setItems(Role.values());
        share.setEmptySelectionAllowed(true);
        share.setEmptySelectionCaption(getTranslation("dashboards.editor.personal"));
        share.setItemLabelGenerator(r -> r == null ? getTranslation("dashboards.editor.personal")
                : getTranslation("dashboards.editor.shareWith", getTranslation("role." + r.name())));
        share.setValue(start != null && editedId != null ? start.roles().stream().findFirst().orElse(null) : null);
        if (start != null) {
            start.widgets().stream().filter(w -> w.metrics().stream().allMatch(known::containsKey))
                    .forEach(widgets::add);
        }
        HorizontalLayout settings = new HorizontalLayout(name, share);
        settings.setWrap(true); // a phone puts them under each other
        add(new H2(getTranslation(editedId == null ? "dashboards.editor.new" : "dashboards.editor.title")),
                settings, adder(), widgetRows, preview, actions());
        showWidgets();
    }

    private HorizontalLayout adder() {
        ComboBox<MetricDefinition> metric = new ComboBox<>(getTranslation("dashboards.editor.metric"));
        metric.setId("editor-metric");
        metric.setItems(known.values().stream().sorted(java.util.Comparator.comparing(m -> m.label().in(getLocale())))
                .toList());
        metric.setItemLabelGenerator(m -> m.label().in(getLocale()));
        Select<Chart> chart = new Select<>();
        chart.setId("editor-chart");
        chart.setLabel(getTranslation("dashboards.editor.chart"));
        chart.setItems(Chart.values());
        chart.setItemLabelGenerator(c -> getTranslation("dashboards.chart." + c.name().toLowerCase(java.util.Locale.ROOT)));
        chart.setValue(Chart.NUMBER);
        Checkbox wide = new Checkbox(getTranslation("dashboards.editor.wide"));
        wide.setId("editor-wide");
        Button add = new Button(getTranslation("dashboards.editor.add"), VaadinIcon.PLUS.create(), click -> {
            if (metric.getValue() == null) {
                metric.setInvalid(true);
                metric.setErrorMessage(getTranslation("dashboards.editor.metric.required"));
                return;
            }
            widgets.add(new Widget(List.of(metric.getValue().id()), chart.getValue(), null, wide.getValue(),
                    false));
            metric.clear();
            metric.setInvalid(false);
            showWidgets();
        });
        add.setId("editor-add");
        HorizontalLayout row = new HorizontalLayout(metric, chart, wide, add);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private void showWidgets() {
        WidgetRows.Changes changes = new WidgetRows.Changes() {
            @Override
            public void move(int from, int to) {
                widgets.add(to, widgets.remove(from));
                showWidgets();
            }

            @Override
            public void resize(int at, int columns, int height) {
                widgets.set(at, widgets.get(at).resized(columns, height));
                showWidgets();
            }

            @Override
            public void change(int at, Widget changed) {
                widgets.set(at, changed);
                showWidgets();
            }

            @Override
            public void remove(int at) {
                widgets.remove(at);
                showWidgets();
            }
        };
        widgetRows.show(widgets, known, getLocale(), changes);
        preview.removeAll();
        preview.setWidthFull();
        preview.add(new WidgetPreview(widgets, known, getLocale(), this::getTranslation, changes));
    }

    private HorizontalLayout actions() {
        Button save = new Button(getTranslation("dashboards.editor.save"), click -> save());
        save.setId("editor-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout actions = new HorizontalLayout(save);
        if (editedId != null) {
            Button delete = new Button(getTranslation("dashboards.editor.delete"), click -> {
                dashboards.delete(actor, editedId);
                UI.getCurrent().navigate("dashboards");
            });
            delete.setId("editor-delete");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            actions.add(delete);
        }
        return actions;
    }

    private void save() {
        String text = name.getValue().strip();
        if (text.isEmpty()) {
            name.setInvalid(true);
            name.setErrorMessage(getTranslation("dashboards.editor.name.required"));
            return;
        }
        if (widgets.isEmpty()) {
            name.setInvalid(false);
            widgetRows.removeAll();
            Paragraph needed = new Paragraph(getTranslation("dashboards.editor.widgets.required"));
            needed.setId("editor-widgets-required");
            widgetRows.add(needed);
            return;
        }
        DashboardDefinition saved = dashboards.save(actor, new DashboardDefinition(
                editedId == null ? "new" : editedId, LocalizedText.of(text, text), Set.of(), Set.of(),
                widgets, actor.userId()), share.getValue());
        UI.getCurrent().navigate("dashboards/" + saved.id());
    }
}
