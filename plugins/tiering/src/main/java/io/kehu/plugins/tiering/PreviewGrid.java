package io.kehu.plugins.tiering;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.forms.FormInfo;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.ui.ChartSpec;
import java.text.NumberFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The dry run's verdicts: counts per level and per movement, and a lazy grid of every customer with the metrics that
 * decided, filterable by movement and new level. Each page asks the preview's columns for the ids on it (no verdict
 * object is built for the rows not shown) and reads those customers' names from the database in one query; the
 * row count comes from the preview's per-level and per-movement counts.
 */
final class PreviewGrid extends VerticalLayout {

    private final PluginContext context;
    private final Locale locale;
    private final Span perLevel = new Span();
    private final Span perMovement = new Span();
    private final Div movementChart = new Div();
    private final Select<String> movement = new Select<>();
    private final Select<String> level = new Select<>();
    private final Grid<Row> grid = new Grid<>();
    private Preview shown;
    private Movement movementFilter;
    private String levelFilter;
    private long count;

    /** One grid row: a customer's verdict and name (the name as the reader may see it, or a dash). */
    record Row(Preview.Result verdict, String customer) {
    }

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
        grid.addColumn(Row::customer).setHeader(text("admin.col.customer"));
        grid.addColumn(r -> name(r.verdict().metrics().currentLevel())).setHeader(text("admin.col.old"));
        grid.addColumn(r -> name(r.verdict().newLevel())).setHeader(text("admin.col.new"));
        grid.addColumn(r -> r.verdict().movement().label().in(locale)).setHeader(text("admin.col.movement"));
        // amounts as ¥1,234.00, counts with grouping: an admin compares them down the column, so right-aligned
        grid.addColumn(r -> HistoryTexts.money(r.verdict().metrics().totalSpend())).setHeader(text("admin.col.spend"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(r -> number(r.verdict().metrics().purchaseCount())).setHeader(text("admin.col.count"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(r -> Objects.toString(r.verdict().metrics().recencyDays(), "—"))
                .setHeader(text("admin.col.recency"));
        grid.addColumn(r -> r.verdict().metrics().avgOrderValue() == null ? "—"
                : HistoryTexts.money(r.verdict().metrics().avgOrderValue())).setHeader(text("admin.col.aov"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(r -> r.verdict().metrics().rScore() + " / " + r.verdict().metrics().fScore() + " / "
                + r.verdict().metrics().mScore()).setHeader(text("admin.col.rfm"));
        grid.setItems(query -> page(query.getOffset(), query.getLimit()),
                query -> (int) Math.min(Integer.MAX_VALUE, count));
        movementChart.setId("tiering-movement-chart");
        movementChart.setWidthFull();
        add(new Div(perLevel), new Div(perMovement), movementChart, new HorizontalLayout(movement, level), grid);
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
        movementChart.removeAll();
        movementChart.add(context.components().chart(movementChart(preview)));
        filter();
    }

    /**
     * Where the customers of each current level go: a bar group per current level (and "no level yet" when someone
     * has none), a bar per proposed level in that level's colour. Grouped, not stacked: the SDK's {@code ChartSpec}
     * has no stacked bars, and side by side the small moves next to a large "stays" bar stay readable.
     */
    ChartSpec movementChart(Preview preview) {
        Map<String, Map<String, Long>> transitions = preview.transitions();
        List<String> from = transitions.entrySet().stream()
                .filter(e -> !e.getKey().equals(Preview.NO_LEVEL)
                        || e.getValue().values().stream().anyMatch(n -> n > 0))
                .map(Map.Entry::getKey).toList();
        List<String> labels = from.stream()
                .map(code -> code.equals(Preview.NO_LEVEL) ? text("admin.chart.noLevel") : preview.scheme().level(code).map(t -> t.name().in(locale)).orElse(code)).toList();
        List<ChartSpec.Series> series = preview.scheme().levels().stream()
                .map(to -> new ChartSpec.Series(text("admin.chart.to", to.name().in(locale)),
                        from.stream().map(code -> transitions.get(code).getOrDefault(to.code(), 0L)).toList(),
                        List.of(to.colour())))
                .toList();
        return new ChartSpec(ChartSpec.Kind.BAR, text("admin.chart.title"), labels, series);
    }

    private void filter() {
        if (shown == null) {
            return;
        }
        String all = text("admin.filter.all");
        String m = movement.getValue();
        String l = level.getValue();
        movementFilter = m == null || m.equals(all) ? null : Movement.valueOf(m);
        levelFilter = l == null || l.equals(all) ? null : l;
        count = shown.count(movementFilter, levelFilter);
        grid.getDataProvider().refreshAll();
    }

    /** One page: the ids from the preview's columns, the names of those customers in one query. */
    private Stream<Row> page(long offset, int limit) {
        Preview preview = shown;
        if (preview == null) {
            return Stream.empty();
        }
        List<Long> ids = preview.pageIds(movementFilter, levelFilter, offset, limit);
        if (ids.isEmpty()) {
            return Stream.empty();
        }
        String title = context.definitions().form(TierEvaluator.CUSTOMER).map(FormInfo::titleField).orElse(null);
        Map<Long, String> names = new HashMap<>();
        if (title != null) {
            context.records().search(TierEvaluator.CUSTOMER).fields(title)
                    .where("id", FilterOperator.IN, ids.toArray()).limit(ids.size()).list()
                    .forEach(c -> names.put(c.id(), Objects.toString(c.get(title), "—")));
        }
        return ids.stream().map(id -> new Row(preview.resultFor(id), names.getOrDefault(id, "—")));
    }

    long rowCount() {
        return count;
    }

    private String number(long n) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    private String name(String code) {
        if (code == null) {
            return "—";
        }
        return shown == null ? code : shown.scheme().level(code).map(t -> t.name().in(locale)).orElse(code);
    }

    private String text(String key, Object... args) {
        return context.messages().get(key, locale, args);
    }
}
