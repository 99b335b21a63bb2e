package io.kehu.platform.dashboards.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import io.kehu.platform.dashboards.DashboardDefinition.Widget;
import io.kehu.platform.metrics.MetricDefinition;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The editor's widgets in dashboard order. A row is dragged onto another to take its place (Vaadin's built-in
 * {@link DragSource} / {@link DropTarget}, HTML5 drag and drop); the 44 px buttons do the same without dragging (up,
 * down) and resize (整行宽度 ↔ 普通宽度) or remove a widget — what phones and keyboard users use.
 */
final class WidgetRows extends VerticalLayout {

    /** Told what the user asked for; the editor changes its list and shows it again. */
    interface Changes {

        void move(int from, int to);

        void resize(int at);

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
                + (w.wide() ? " · " + text("dashboards.editor.wide") : ""));
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
        Button size = small(w.wide() ? VaadinIcon.COMPRESS_SQUARE : VaadinIcon.EXPAND_SQUARE,
                w.wide() ? "dashboards.editor.narrow" : "dashboards.editor.widen", "editor-widget-" + at + "-size",
                () -> changes.resize(at));
        Button remove = small(VaadinIcon.TRASH, "dashboards.editor.remove", "editor-widget-" + at + "-remove",
                () -> changes.remove(at));
        HorizontalLayout row = new HorizontalLayout(handle, label, up, down, size, remove);
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
}
