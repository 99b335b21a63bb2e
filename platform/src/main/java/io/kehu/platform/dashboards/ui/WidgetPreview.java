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

    private static final String RESIZE = """
            const handle = $0, box = $1, grid = $2, heights = [$3, $4, $5];
            const columnsOf = () => getComputedStyle(grid).gridTemplateColumns.split(' ').filter(c => c).length;
            const tell = (columns, height) => handle.dispatchEvent(new CustomEvent('kehu-resize',
                {detail: {columns: columns, height: height}}));
            handle.addEventListener('pointerdown', down => {
              down.preventDefault();
              handle.setPointerCapture(down.pointerId);
              const cols = columnsOf(), gap = parseFloat(getComputedStyle(grid).columnGap) || 0;
              const width = (grid.getBoundingClientRect().width - gap * (cols - 1)) / cols;
              const top = box.getBoundingClientRect().top, left = box.getBoundingClientRect().left;
              let size = null;
              const move = e => {
                const span = Math.max(1, Math.min(cols, Math.round((e.clientX - left + gap) / (width + gap))));
                const y = e.clientY - top;
                const height = y < (heights[0] + heights[1]) / 2 ? 1 : y < (heights[1] + heights[2]) / 2 ? 2 : 3;
                // on a narrower screen than the full grid, a box as wide as the row stays "the whole row"
                size = {columns: span === cols ? 4 : span, height: height};
                box.style.gridColumn = span === cols ? '1 / -1' : 'span ' + span;
                box.style.height = heights[height - 1] + 'px';
              };
              const up = () => {
                handle.removeEventListener('pointermove', move);
                if (size) { tell(size.columns, size.height); }
              };
              handle.addEventListener('pointermove', move);
              handle.addEventListener('pointerup', up, {once: true});
            });
            handle.addEventListener('keydown', e => {
              const columns = Number(handle.dataset.columns), height = Number(handle.dataset.height);
              const next = {ArrowRight: [columns + 1, height], ArrowLeft: [columns - 1, height],
                            ArrowDown: [columns, height + 1], ArrowUp: [columns, height - 1]}[e.key];
              if (next && next[0] >= 1 && next[0] <= 4 && next[1] >= 1 && next[1] <= 3) {
                e.preventDefault();
                tell(next[0], next[1]);
              }
            });
            """;

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
            Div handle = new Div();
            handle.setId("editor-preview-" + i + "-handle");
            handle.getElement().setAttribute("tabindex", "0");
            handle.getElement().setAttribute("role", "button");
            handle.getElement().setAttribute("aria-label", texts.apply("dashboards.editor.resize",
                    new Object[] {name, WidgetRows.size(texts, w.columns(), w.height())}));
            handle.getElement().setAttribute("title", texts.apply("dashboards.editor.resize",
                    new Object[] {name, WidgetRows.size(texts, w.columns(), w.height())}));
            handle.getElement().setAttribute("data-columns", String.valueOf(w.columns()));
            handle.getElement().setAttribute("data-height", String.valueOf(w.height()));
            // 44 px to tap on a phone; the visible corner mark is drawn inside it
            handle.getStyle().set("position", "absolute").set("right", "0").set("bottom", "0").set("width", "44px")
                    .set("height", "44px").set("cursor", "nwse-resize").set("touch-action", "none")
                    .set("background", "linear-gradient(135deg, transparent 60%, var(--lumo-contrast-40pct) 60%)")
                    .set("border-bottom-right-radius", "var(--lumo-border-radius-m)");
            handle.getElement().addEventListener("kehu-resize", e -> {
                int columns = e.getEventData().get("event.detail.columns").asInt();
                int height = e.getEventData().get("event.detail.height").asInt();
                if (columns >= 1 && columns <= Widget.COLUMNS && height >= 1 && height <= Widget.MAX_HEIGHT) {
                    changes.resize(at, columns, height);
                }
            }).addEventData("event.detail.columns").addEventData("event.detail.height");
            box.add(handle);
            grid.add(box);
            handle.getElement().executeJs(RESIZE, handle.getElement(), box.getElement(), grid.getElement(),
                    BOX_HEIGHTS[0], BOX_HEIGHTS[1], BOX_HEIGHTS[2]);
        }
    }
}
