package io.kehu.plugins.churn;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import java.util.ArrayList;
import java.util.List;

/** Follows the drill-through links of a screen into the platform's list view and reads its count (Karibu). */
final class DrillThrough {

    /** A link and the figure it shows. */
    record Link(String href, long figure) {
    }

    private DrillThrough() {
    }

    /**
     * Every link into a list view on the current screen — summaries, the folded data under charts, and the count
     * cells of the analysis grids — with the number it shows (after the last ": " in a chart's data line).
     */
    static List<Link> links() {
        List<Anchor> anchors = new ArrayList<>(_find(Anchor.class));
        for (Grid<?> grid : _find(Grid.class)) {
            String id = grid.getId().orElse("");
            if (!id.startsWith("churn-by-") && !id.startsWith("churn-rates-")) {
                continue;
            }
            for (int row = 0; row < GridKt._size(grid); row++) {
                for (String key : List.of("count", "n", "lost")) {
                    if (grid.getColumnByKey(key) != null) {
                        Component cell = GridKt._getCellComponent(grid, row, key);
                        if (cell instanceof Anchor a) {
                            anchors.add(a);
                        }
                    }
                }
            }
        }
        List<Link> links = new ArrayList<>();
        for (Anchor a : anchors) {
            if (a.getHref().startsWith("forms/")) {
                String text = a.getText();
                links.add(new Link(a.getHref(), Long.parseLong(text.substring(text.lastIndexOf(": ") + 1).trim()
                        .replace(",", ""))));
            }
        }
        return links;
    }

    /** The count links of the rates-per-period table ({@code churn-period-table}), row by row. */
    static List<Link> periodLinks(Grid<?> grid) {
        List<Link> links = new ArrayList<>();
        for (int row = 0; row < GridKt._size(grid); row++) {
            for (String key : List.of("created", "lostbefore", "lost", "won", "closed")) {
                if (GridKt._getCellComponent(grid, row, key) instanceof Anchor a) {
                    links.add(new Link(a.getHref(), Long.parseLong(a.getText().replace(",", ""))));
                }
            }
        }
        return links;
    }

    /** Opens a link's route with its query string, as the browser would. */
    static void open(String href) {
        int q = href.indexOf('?');
        UI.getCurrent().navigate(q < 0 ? href : href.substring(0, q), q < 0 ? QueryParameters.empty()
                : QueryParameters.fromString(href.substring(q + 1)));
    }

    /** The list view's count ("共 12 条" / "12 in total"). */
    static long listCount() {
        return Long.parseLong(_get(Span.class, spec -> spec.withId("list-count")).getText().replaceAll("[^0-9]", ""));
    }
}
