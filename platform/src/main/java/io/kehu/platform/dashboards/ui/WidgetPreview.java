package io.kehu.platform.dashboards.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.kehu.platform.dashboards.DashboardDefinition.Widget;
import io.kehu.platform.metrics.MetricDefinition;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The editor's layout preview: the widgets as boxes on the dashboard's grid ({@code kehu-dashboard-grid}), each with a
 * handle at its bottom-right corner. Dragging the handle snaps the box to whole columns (1 to 4) and heights (short,
 * standard, tall) while it moves and, on release, tells the server the new size ({@code kehu-resize}); focused, the
 * handle takes the arrow keys (left/right: columns, up/down: height). The selects on each row ({@link WidgetRows}) do
 * the same. The server checks the size it is told, so a forged event cannot store a size out of range.
 */
final class WidgetPreview extends Div {

    /** Preview heights of short, standard and tall (a third of the dashboard's, so the whole layout fits). */
    static final int[] BOX_HEIGHTS = {70, 100, 150};

    WidgetPreview(List<Widget> widgets, Map<String, MetricDefinition> known, Locale locale,
                  BiFunction<String, Object[], String> texts, WidgetRows.Changes changes) {
        setId("editor-preview");
        setWidthFull();
        if (widgets.isEmpty()) {
            return;
        }
        Paragraph hint = new Paragraph(texts.apply("dashboards.editor.preview", new Object[0]));
        hint.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)")
                .set("margin", "0");
        Div grid = new Div();
        grid.addClassName("kehu-dashboard-grid");
        add(hint, grid);
        for (int i = 0; i < widgets.size(); i++) {
            int at = i;
            Widget w = widgets.get(i);
            String name = w.label() != null ? w.label().in(locale) : w.metrics().stream()
                    .map(id -> known.get(id).label().in(locale)).collect(Collectors.joining("、"));
            Div box = new Div(new Span((i + 1) + ". " + name));
            box.setId("editor-preview-" + i);
            box.addClassName("kehu-span-" + w.columns());
            box.getStyle().set("height", BOX_HEIGHTS[w.height() - 1] + "px").set("position", "relative")
                    .set("box-sizing", "border-box").set("padding", "var(--lumo-space-s)")
                    .set("border", "1px dashed var(--lumo-contrast-30pct)")
                    .set("border-radius", "var(--lumo-border-radius-m)").set("overflow", "hidden")
                    .set("font-size", "var(--lumo-font-size-s)");
            grid.add(box);
            String label = texts.apply("dashboards.editor.resize",
                    new Object[] {name, WidgetRows.size(texts, w.columns(), w.height())});
            // The same handle as on the dashboard; a preview box holds nothing besides its "chart", so its whole
            // height snaps.
            InPlaceResize.attach(box, grid, "editor-preview-" + i + "-handle", w.columns(), w.height(), label,
                    BOX_HEIGHTS, "linear-gradient(135deg, transparent 60%, var(--lumo-contrast-40pct) 60%)",
                    "var(--lumo-border-radius-m)", (columns, height) -> changes.resize(at, columns, height));
        }
    }
}
