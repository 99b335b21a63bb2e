package io.kehu.plugins.tiering;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.export.ExportColumn;
import io.kehu.sdk.export.ExportTable;
import io.kehu.sdk.export.PluginExports;
import io.kehu.sdk.forms.FormInfo;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordSearch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.pf4j.Extension;

/**
 * The adjustment directory {@code apps/tiering/adjustments}: every level change of one period (lazy grid over the
 * {@code tier_history} records the user may see), exportable as CSV.
 */
@Extension
public class AdjustmentsView implements io.kehu.sdk.ui.ViewContribution {

    static final String PATH = "adjustments";
    static final List<String> COLUMNS = List.of("customer", "period", "scheme", "old_level", "new_level", "movement",
            "applied_by", "metrics");

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public LocalText title() {
        return LocalText.of("等级调整名录", "Tier adjustments");
    }

    @Override
    public Component create(PluginContext context) {
        Locale locale = UI.getCurrent() == null ? Locale.ENGLISH : UI.getCurrent().getLocale();
        List<String> periods = new ArrayList<>();
        context.recordsOfCurrentUser().aggregate(TieringForms.HISTORY).groupBy("period").count()
                .forEach(row -> periods.add(0, (String) row.group("period")));
        Select<String> period = new Select<>();
        period.setId("adjust-period");
        period.setLabel(context.messages().get("adjust.period", locale));
        period.setItems(periods);
        // A lazy grid over the history records of the chosen period, read as the user: names and labels, not codes.
        Grid<Adjustment> grid = grid(context, new HistoryTexts(context, locale), locale,
                () -> period.getValue() == null ? null : search(context, period.getValue()));
        period.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        if (!periods.isEmpty()) {
            period.setValue(periods.get(0));
        }
        Component export = context.exports().downloadLink(() -> table(context, period.getValue()),
                PluginExports.Format.CSV, context.messages().get("adjust.export", locale));
        export.setId("adjust-export");
        com.vaadin.flow.component.html.H2 title = new com.vaadin.flow.component.html.H2(text(context, "nav.adjustments", locale));
        title.setId("adjust-title");
        VerticalLayout layout = new VerticalLayout(title, new HorizontalLayout(period, export), grid);
        if (periods.isEmpty()) {
            Paragraph none = new Paragraph(context.messages().get("adjust.none", locale));
            none.setId("adjust-none");
            layout.addComponentAtIndex(1, none);
            grid.setVisible(false);
        }
        layout.setSizeFull();
        return layout;
    }

    /** One row: the history record and its customer's name as the reader may see it. */
    record Adjustment(RecordData history, String customer) {
    }

    private static Grid<Adjustment> grid(PluginContext context, HistoryTexts texts, Locale locale,
                                         Supplier<RecordSearch> search) {
        Grid<Adjustment> grid = new Grid<>();
        grid.setId("adjust-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(Adjustment::customer).setHeader(text(context, "adjust.customer", locale)).setAutoWidth(true);
        grid.addColumn(a -> a.history().get("period")).setHeader(text(context, "adjust.period", locale))
                .setAutoWidth(true);
        grid.addColumn(a -> texts.scheme(a.history().get("scheme"))).setHeader(text(context, "adjust.scheme", locale))
                .setAutoWidth(true);
        grid.addColumn(a -> texts.level(a.history().get("scheme"), a.history().get("old_level")))
                .setHeader(text(context, "adjust.old", locale)).setAutoWidth(true);
        grid.addColumn(a -> texts.level(a.history().get("scheme"), a.history().get("new_level")))
                .setHeader(text(context, "adjust.new", locale)).setAutoWidth(true);
        grid.addColumn(a -> texts.movement(a.history().get("movement")))
                .setHeader(text(context, "adjust.movement", locale)).setAutoWidth(true);
        grid.addColumn(a -> texts.appliedBy(a.history().get("applied_by")))
                .setHeader(text(context, "adjust.appliedBy", locale)).setAutoWidth(true);
        grid.addColumn(a -> texts.metrics(a.history().get("metrics"))).setHeader(text(context, "adjust.metrics", locale))
                .setFlexGrow(3);
        // No count: each page is one search, and the customers' names of the page one more query.
        grid.setItems(query -> {
            RecordSearch page = search.get();
            if (page == null) {
                return Stream.empty();
            }
            List<RecordData> rows = page.offset(query.getOffset()).limit(Math.max(1, Math.min(200, query.getLimit())))
                    .list();
            Map<Long, String> names = customerNames(context, rows);
            return rows.stream().map(r -> new Adjustment(r, names.getOrDefault(customerId(r), "—")));
        });
        return grid;
    }

    private static Map<Long, String> customerNames(PluginContext context, List<RecordData> rows) {
        Object[] ids = rows.stream().map(AdjustmentsView::customerId).filter(Objects::nonNull).distinct().toArray();
        String title = context.definitions().form(TierEvaluator.CUSTOMER).map(FormInfo::titleField).orElse(null);
        Map<Long, String> names = new HashMap<>();
        if (title != null && ids.length > 0) {
            context.recordsOfCurrentUser().search(TierEvaluator.CUSTOMER).fields(title)
                    .where("id", FilterOperator.IN, ids).limit(ids.length).list()
                    .forEach(c -> names.put(c.id(), Objects.toString(c.get(title), "—")));
        }
        return names;
    }

    private static Long customerId(RecordData history) {
        Object id = history.get("customer");
        return id instanceof Number n ? n.longValue() : null;
    }

    private static String text(PluginContext context, String key, Locale locale) {
        return context.messages().get(key, locale);
    }

    private static RecordSearch search(PluginContext context, String period) {
        return context.recordsOfCurrentUser().search(TieringForms.HISTORY)
                .where("period", FilterOperator.EQUALS, period);
    }

    /** The adjustments of {@code period} as an export: one column per history field, rows read lazily. */
    static ExportTable<RecordData> table(PluginContext context, String period) {
        String chosen = period == null ? "" : period;
        List<ExportColumn<RecordData>> columns = COLUMNS.stream()
                .map(c -> ExportColumn.<RecordData>of(c, r -> r.get(c))).toList();
        return new ExportTable<>("tier-adjustments-" + chosen, columns, search(context, chosen)::forEach);
    }
}
