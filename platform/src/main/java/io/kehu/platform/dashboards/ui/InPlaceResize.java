package io.kehu.platform.dashboards.ui;

import com.vaadin.flow.component.html.Div;
import io.kehu.platform.dashboards.DashboardDefinition.Widget;

/**
 * Resizing a widget on the dashboard screen itself (the owner's own dashboards): a handle at the card's bottom-right
 * corner that, dragged, snaps the card to whole columns of the grid (1 to 4; on a screen that shows fewer columns, as
 * wide as the row counts as the whole row) and to the three heights while it moves, and on release tells the server
 * ({@code kehu-resize}), which stores the size and draws the dashboard again. Focused, the handle takes the arrow keys
 * (left/right: columns, up/down: height). The editor's preview ({@link WidgetPreview}) does the same on boxes; the
 * server checks what it is told, so a forged event cannot store a size out of range.
 */
final class InPlaceResize {

    /** Told the size a widget was given. */
    interface Resized {
        void to(int columns, int height);
    }

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
              const rect = box.getBoundingClientRect();
              // the card's own parts (title, links) beside its chart: the height snaps the chart's
              const extra = rect.height - heights[Number(handle.dataset.height) - 1];
              let size = null;
              const move = e => {
                const span = Math.max(1, Math.min(cols, Math.round((e.clientX - rect.left + gap) / (width + gap))));
                const y = e.clientY - rect.top - extra;
                const height = y < (heights[0] + heights[1]) / 2 ? 1 : y < (heights[1] + heights[2]) / 2 ? 2 : 3;
                size = {columns: span === cols ? 4 : span, height: height};
                box.style.gridColumn = span === cols ? '1 / -1' : 'span ' + span;
                box.style.height = (extra + heights[height - 1]) + 'px';
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

    private InPlaceResize() {
    }

    /** Puts the handle {@code <card id>-resize} on {@code card}, a widget of {@code grid}, labelled {@code label}. */
    static void attach(Div card, Div grid, String id, Widget widget, String label, Resized resized) {
        attach(card, grid, id + "-resize", widget.columns(), widget.height(), label,
                new int[] {px(WidgetCard.CHART_HEIGHTS[0]), px(WidgetCard.CHART_HEIGHTS[1]),
                        px(WidgetCard.CHART_HEIGHTS[2])},
                "linear-gradient(135deg, transparent 70%, var(--lumo-contrast-30pct) 70%)", "var(--lumo-border-radius-l)",
                resized);
    }

    /**
     * Puts a resize handle (id {@code handleId}, labelled {@code label}) in the corner of {@code box}, a widget of
     * {@code grid} now {@code columns} wide and of {@code height}; {@code heights} are the pixel heights the three
     * heights snap to (of the box's chart: whatever else the box holds keeps its height), {@code mark} and
     * {@code radius} draw the corner. Used by the dashboard's cards and by the editor's preview boxes.
     */
    static void attach(Div box, Div grid, String handleId, int columns, int height, String label, int[] heights,
                       String mark, String radius, Resized resized) {
        box.getStyle().set("position", "relative");
        Div handle = new Div();
        handle.setId(handleId);
        handle.getElement().setAttribute("tabindex", "0");
        handle.getElement().setAttribute("role", "button");
        handle.getElement().setAttribute("aria-label", label);
        handle.getElement().setAttribute("title", label);
        handle.getElement().setAttribute("data-columns", String.valueOf(columns));
        handle.getElement().setAttribute("data-height", String.valueOf(height));
        // 44 px to tap; the visible corner mark is drawn inside it
        handle.getStyle().set("position", "absolute").set("right", "0").set("bottom", "0").set("width", "44px")
                .set("height", "44px").set("cursor", "nwse-resize").set("touch-action", "none")
                .set("background", mark).set("border-bottom-right-radius", radius);
        handle.getElement().addEventListener("kehu-resize", e -> {
            int to = e.getEventData().get("event.detail.columns").asInt();
            int high = e.getEventData().get("event.detail.height").asInt();
            if (to >= 1 && to <= Widget.COLUMNS && high >= 1 && high <= Widget.MAX_HEIGHT) {
                resized.to(to, high);
            }
        }).addEventData("event.detail.columns").addEventData("event.detail.height");
        box.add(handle);
        handle.getElement().executeJs(RESIZE, handle.getElement(), box.getElement(), grid.getElement(),
                heights[0], heights[1], heights[2]);
    }

    private static int px(String css) {
        return Integer.parseInt(css.replace("px", ""));
    }
}
