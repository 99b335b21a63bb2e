package io.kehu.plugins.tiering;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.export.ExportColumn;
import io.kehu.sdk.export.ExportTable;
import io.kehu.sdk.export.PluginExports;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordSearch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        // A lazy grid over the history records of the chosen period, and the same rows as CSV, both lent by the SDK.
        Grid<RecordData> grid = context.components().recordGrid(TieringForms.HISTORY,
                () -> period.getValue() == null ? null : search(context, period.getValue()),
                COLUMNS.toArray(String[]::new));
        grid.setId("adjust-grid");
        period.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        if (!periods.isEmpty()) {
            period.setValue(periods.get(0));
        }
        Component export = context.exports().downloadLink(() -> table(context, period.getValue()),
                PluginExports.Format.CSV, context.messages().get("adjust.export", locale));
        export.setId("adjust-export");
        VerticalLayout layout = new VerticalLayout(new HorizontalLayout(period, export), grid);
        layout.setSizeFull();
        return layout;
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
