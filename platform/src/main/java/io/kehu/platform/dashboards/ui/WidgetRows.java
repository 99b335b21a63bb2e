package io.kehu.platform.dashboards.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.DropEffect;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.dnd.EffectAllowed;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.platform.dashboards.DashboardDefinition.Widget;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.metrics.MetricDefinition;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The editor's widgets in dashboard order. A row is dragged onto another to take its place (Vaadin's built-in
 * {@link DragSource} / {@link DropTarget}, HTML5 drag and drop); the 44 px buttons do the same without dragging (up,
 * down) or remove a widget, and two selects set its width (1 to 4 columns) and height — what phones and keyboard users
 * use instead of dragging the corner of its box in the editor's preview ({@link WidgetPreview}).
 */
final class WidgetRows extends VerticalLayout {

    /** Told what the user asked for; the editor changes its list and shows it again. */
    interface Changes {

        void move(int from, int to);

        /** Sets widget {@code at} to span {@code columns} and be {@code height} high. */
        void resize(int at, int columns, int height);

        /** Replaces widget {@code at} with {@code changed} (its title, a table's metrics). */
        void change(int at, Widget changed);

        void remove(int at);
    }

    private final transient java.util.function.BiFunction<String, Object[], String> texts;
    private Locale locale = Locale.ROOT;

    WidgetRows(java.util.function.BiFunction<String, Object[], String> texts) {
        this.texts = texts;
        setId("editor-widgets");
        setPadding(false);
    }

    void show(List<Widget> widgets, Map<String, MetricDefinition> known, Locale shownIn, Changes changes) {
        this.locale = shownIn;
        removeAll();
        if (widgets.isEmpty()) {
            add(new Paragraph(text("dashboards.editor.empty")));
            return;
        }
        Paragraph hint = new Paragraph(text("dashboards.editor.dragHint"));
        hint.setId("editor-drag-hint");
        hint.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)")
                .set("margin", "0");
        add(hint);
        for (int i = 0; i < widgets.size(); i++) {
            add(row(i, widgets.size(), widgets.get(i), known, changes));
        }
    }

    private HorizontalLayout row(int at, int count, Widget w, Map<String, MetricDefinition> known, Changes changes) {
        String metricNames = w.metrics().stream().map(id -> known.get(id).label().in(locale))
                .collect(Collectors.joining("、"));
        Span label = new Span((at + 1) + ". " + (w.label() == null ? metricNames : w.label().in(locale))
                + " · " + text("dashboards.chart." + w.chart().name().toLowerCase(Locale.ROOT))
                + " · " + size(texts, w.columns(), w.height()));
        label.setId("editor-widget-" + at);
        Icon handle = VaadinIcon.MENU.create();
        handle.setTooltipText(text("dashboards.editor.drag"));
        handle.getStyle().set("cursor", "grab").set("color", "var(--lumo-secondary-text-color)");
        Button up = small(VaadinIcon.ARROW_UP, "dashboards.editor.up", "editor-widget-" + at + "-up",
                () -> changes.move(at, at - 1));
        up.setEnabled(at > 0);
        Button down = small(VaadinIcon.ARROW_DOWN, "dashboards.editor.down", "editor-widget-" + at + "-down",
                () -> changes.move(at, at + 1));
        down.setEnabled(at < count - 1);
        Select<Integer> columns = new Select<>();
        columns.setId("editor-widget-" + at + "-columns");
        columns.setAriaLabel(text("dashboards.editor.columns"));
        columns.setTooltipText(text("dashboards.editor.columns"));
        columns.setItems(1, 2, 3, Widget.COLUMNS);
        columns.setItemLabelGenerator(c -> columns(texts, c));
        columns.setValue(w.columns());
        columns.setWidth("9em");
        columns.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                changes.resize(at, e.getValue(), w.height());
            }
        });
        Select<Integer> height = new Select<>();
        height.setId("editor-widget-" + at + "-height");
        height.setAriaLabel(text("dashboards.editor.height"));
        height.setTooltipText(text("dashboards.editor.height"));
        height.setItems(1, Widget.STANDARD_HEIGHT, Widget.MAX_HEIGHT);
        height.setItemLabelGenerator(h -> text("dashboards.editor.height." + h));
        height.setValue(w.height());
        height.setWidth("7em");
        height.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                changes.resize(at, w.columns(), e.getValue());
            }
        });
        Button remove = small(VaadinIcon.TRASH, "dashboards.editor.remove", "editor-widget-" + at + "-remove",
                () -> changes.remove(at));
        // its own title (empty: the metric's name), in the language it is typed in, shown in both
        TextField title = new TextField();
        title.setId("editor-widget-" + at + "-label");
        title.setAriaLabel(text("dashboards.editor.label"));
        title.setPlaceholder(text("dashboards.editor.label"));
        title.setTooltipText(text("dashboards.editor.label.help"));
        title.setMaxLength(80);
        title.setValue(w.label() == null ? "" : w.label().in(locale));
        title.setWidth("12em");
        title.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                String typed = e.getValue().strip();
                changes.change(at, w.labelled(typed.isEmpty() ? null : LocalizedText.of(typed, typed)));
            }
        });
        HorizontalLayout row = new HorizontalLayout(handle, label, up, down, columns, height, title, remove);
        if (w.chart() == io.kehu.platform.dashboards.DashboardDefinition.Chart.TABLE) {
            // a table's columns: any metrics, one row per group value they share (e.g. per staff)
            MultiSelectComboBox<String> tableMetrics = new MultiSelectComboBox<>();
            tableMetrics.setId("editor-widget-" + at + "-metrics");
            tableMetrics.setAriaLabel(text("dashboards.editor.tableMetrics"));
            tableMetrics.setPlaceholder(text("dashboards.editor.tableMetrics"));
            tableMetrics.setItems(known.values().stream().sorted(java.util.Comparator.comparing(
                    (MetricDefinition m) -> m.label().in(locale))).map(MetricDefinition::id).toList());
            tableMetrics.setItemLabelGenerator(id -> known.get(id).label().in(locale));
            tableMetrics.setValue(new java.util.LinkedHashSet<>(w.metrics()));
            tableMetrics.setWidth("20em");
            tableMetrics.addValueChangeListener(e -> {
                if (!e.isFromClient()) {
                    return;
                }
                if (e.getValue().isEmpty()) {
                    tableMetrics.setInvalid(true);
                    tableMetrics.setErrorMessage(text("dashboards.editor.metric.required"));
                    return;
                }
                // the metrics in the order they were there, new ones after
                List<String> kept = new java.util.ArrayList<>(w.metrics().stream().filter(e.getValue()::contains)
                        .toList());
                e.getValue().stream().filter(id -> !kept.contains(id)).sorted().forEach(kept::add);
                changes.change(at, w.measuring(kept));
            });
            row.addComponentAtIndex(row.indexOf(title) + 1, tableMetrics);
        }
        row.setWrap(true);
        row.setId("editor-row-" + at);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        row.setFlexGrow(1, label);
        row.setWidthFull();
        row.getStyle().set("border-radius", "var(--lumo-border-radius-m)");
        DragSource<HorizontalLayout> source = DragSource.create(row);
        source.setDragData(at);
        source.setEffectAllowed(EffectAllowed.MOVE);
        DropTarget<HorizontalLayout> target = DropTarget.create(row);
        target.setDropEffect(DropEffect.MOVE);
        target.addDropListener(drop -> drop.getDragData().filter(Integer.class::isInstance).map(Integer.class::cast)
                .filter(from -> from != at).ifPresent(from -> changes.move(from, at)));
        return row;
    }

    private Button small(VaadinIcon icon, String labelKey, String id, Runnable action) {
        Button button = new Button(icon.create(), click -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.setAriaLabel(text(labelKey));
        button.setTooltipText(text(labelKey));
        button.setId(id);
        button.setMinWidth("44px");
        button.setMinHeight("44px");
        return button;
    }

    private String text(String key) {
        return texts.apply(key, new Object[0]);
    }

    /** "2 列" / "2 columns", or "整行宽度" / "Full width" for the whole row. */
    static String columns(java.util.function.BiFunction<String, Object[], String> texts, int columns) {
        return columns == Widget.COLUMNS ? texts.apply("dashboards.editor.wide", new Object[0])
                : texts.apply("dashboards.editor.columns.value", new Object[] {columns});
    }

    /** A widget's size as the editor names it: "2 列 · 高" / "2 columns · tall". */
    static String size(java.util.function.BiFunction<String, Object[], String> texts, int columns, int height) {
        return columns(texts, columns) + " · " + texts.apply("dashboards.editor.height." + height, new Object[0]);
    }
}
