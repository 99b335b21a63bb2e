package io.kehu.plugins.tiering;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import io.kehu.sdk.PluginContext;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The dry run's verdicts: counts per level and per movement, and a lazy grid of every customer with the metrics that
 * decided, filterable by movement and new level. The dry run's verdicts live in memory (apply needs them); the grid
 * streams each page out of them through the filter without copying them, and takes the row count from the preview's
 * per-level and per-movement counts when at most one filter is set.
 */
final class PreviewGrid extends VerticalLayout {

    private final PluginContext context;
    private final Locale locale;
    private final Span perLevel = new Span();
    private final Span perMovement = new Span();
    private final Select<String> movement = new Select<>();
    private final Select<String> level = new Select<>();
    private final Grid<Preview.Result> grid = new Grid<>();
    private Preview shown;
    private Predicate<Preview.Result> filter = r -> true;
    private long count;

    PreviewGrid(PluginContext context, Locale locale) {
        this.context = context;
        this.locale = locale;
        setPadding(false);
        perLevel.setId("tiering-per-level");
        perMovement.setId("tiering-per-movement");
        movement.setLabel(text("admin.filter.movement"));
        movement.setId("tiering-filter-movement");
        level.setLabel(text("admin.filter.level"));
        level.setId("tiering-filter-level");
        movement.addValueChangeListener(e -> filter());
        level.addValueChangeListener(e -> filter());
        grid.setId("tiering-preview");
        grid.addColumn(r -> r.metrics().customerId()).setHeader(text("admin.col.customer"));
        grid.addColumn(r -> name(r.metrics().currentLevel())).setHeader(text("admin.col.old"));
        grid.addColumn(r -> name(r.newLevel())).setHeader(text("admin.col.new"));
        grid.addColumn(r -> r.movement().label().in(locale)).setHeader(text("admin.col.movement"));
        grid.addColumn(r -> r.metrics().totalSpend().toPlainString()).setHeader(text("admin.col.spend"));
        grid.addColumn(r -> r.metrics().purchaseCount()).setHeader(text("admin.col.count"));
        grid.addColumn(r -> Objects.toString(r.metrics().recencyDays(), "—")).setHeader(text("admin.col.recency"));
        grid.addColumn(r -> r.metrics().avgOrderValue() == null ? "—" : r.metrics().avgOrderValue().toPlainString())
                .setHeader(text("admin.col.aov"));
        grid.addColumn(r -> r.metrics().rScore() + " / " + r.metrics().fScore() + " / " + r.metrics().mScore())
                .setHeader(text("admin.col.rfm"));
        grid.setItems(query -> shown == null ? Stream.empty()
                        : shown.results().stream().filter(filter).skip(query.getOffset()).limit(query.getLimit()),
                query -> (int) Math.min(Integer.MAX_VALUE, count));
        add(new Div(perLevel), new Div(perMovement), new HorizontalLayout(movement, level), grid);
        setVisible(false);
    }

    void show(Preview preview) {
        setVisible(preview != null);
        if (preview == shown) {
            return;
        }
        shown = preview;
        if (preview == null) {
            return;
        }
        String all = text("admin.filter.all");
        movement.setItems(java.util.stream.Stream.concat(java.util.stream.Stream.of(all),
                java.util.Arrays.stream(Movement.values()).map(Enum::name)).toList());
        movement.setItemLabelGenerator(m -> m.equals(all) ? all : Movement.valueOf(m).label().in(locale));
        movement.setValue(all);
        level.setItems(java.util.stream.Stream.concat(java.util.stream.Stream.of(all),
                preview.scheme().levels().stream().map(TierLevel::code)).toList());
        level.setItemLabelGenerator(l -> l.equals(all) ? all : name(l));
        level.setValue(all);
        StringBuilder levels = new StringBuilder(text("admin.counts.level")).append(": ");
        preview.perLevel().forEach((code, n) -> levels.append(name(code)).append(' ').append(n).append("  "));
        perLevel.setText(levels.toString().strip());
        StringBuilder moves = new StringBuilder(text("admin.counts.movement")).append(": ");
        preview.perMovement().forEach((m, n) -> moves.append(m.label().in(locale)).append(' ').append(n).append("  "));
        perMovement.setText(moves.toString().strip());
        filter();
    }

    private void filter() {
        if (shown == null) {
            return;
        }
        String all = text("admin.filter.all");
        String m = movement.getValue();
        String l = level.getValue();
        boolean anyMovement = m == null || m.equals(all);
        boolean anyLevel = l == null || l.equals(all);
        filter = r -> (anyMovement || r.movement().name().equals(m)) && (anyLevel || r.newLevel().equals(l));
        count = anyMovement && anyLevel ? shown.results().size()
                : anyMovement ? shown.perLevel().getOrDefault(l, 0L)
                : anyLevel ? shown.perMovement().getOrDefault(Movement.valueOf(m), 0L)
                : shown.results().stream().filter(filter).count();
        grid.getDataProvider().refreshAll();
    }

    long rowCount() {
        return count;
    }

    private String name(String code) {
        if (code == null) {
            return "—";
        }
        return shown == null ? code : shown.scheme().level(code).map(t -> t.name().in(locale)).orElse(code);
    }

    private String text(String key) {
        return context.messages().get(key, locale);
    }
}
