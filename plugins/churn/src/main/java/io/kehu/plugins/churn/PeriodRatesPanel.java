package io.kehu.plugins.churn;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.export.ExportColumn;
import io.kehu.sdk.export.ExportTable;
import io.kehu.sdk.export.PluginExports;
import io.kehu.sdk.ui.ListFilter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The rates per period on the case analysis (流失率、留存率和挽回率（按期间）): a month / quarter choice, one row per
 * period with every count opening the records it counted, and the table as an XLSX download (the SDK's export, rates
 * as numbers in percent).
 */
final class PeriodRatesPanel {

    private PeriodRatesPanel() {
    }

    static Component create(PluginContext context, Labels labels, Locale locale) {
        PeriodRates rates = new PeriodRates(ZoneId.systemDefault());
        Div box = new Div();
        box.setId("churn-period-rates");
        box.setWidthFull();
        box.add(new H4(labels.text("periods.title")));
        box.add(new Paragraph(labels.text("periods.explain")));
        RadioButtonGroup<PeriodRates.Length> length = new RadioButtonGroup<>();
        length.setId("churn-period-length");
        length.setItems(PeriodRates.Length.values());
        length.setItemLabelGenerator(l -> labels.text("periods." + l.name().toLowerCase(Locale.ROOT)));
        length.setValue(PeriodRates.Length.MONTH);
        Div table = new Div();
        table.setWidthFull();
        Runnable show = () -> {
            table.removeAll();
            PeriodRates.Length chosen = length.getValue() == null ? PeriodRates.Length.MONTH : length.getValue();
            List<PeriodRates.Row> rows = rates.compute(context, LocalDate.now(), chosen);
            table.add(grid(context, labels, locale, rates, rows));
            Component export = context.exports().downloadLink(() -> exportTable(labels, chosen,
                    rates.compute(context, LocalDate.now(), chosen)), PluginExports.Format.XLSX,
                    labels.text("periods.export"));
            export.setId("churn-period-export");
            table.add(export);
        };
        length.addValueChangeListener(e -> show.run());
        show.run();
        box.add(length, table);
        return box;
    }

    private static Grid<PeriodRates.Row> grid(PluginContext context, Labels labels, Locale locale,
                                              PeriodRates rates, List<PeriodRates.Row> rows) {
        NumberFormat percent = NumberFormat.getPercentInstance(locale);
        percent.setMaximumFractionDigits(1);
        Grid<PeriodRates.Row> grid = new Grid<>();
        grid.setId("churn-period-table");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(r -> r.period().name()).setHeader(labels.text("periods.col.period")).setAutoWidth(true)
                .setFlexGrow(0).setKey("period");
        link(grid, context, labels, "created", FeatureExtractor.CUSTOMER, rates::createdBefore,
                PeriodRates.Row::createdBefore);
        link(grid, context, labels, "lostbefore", ChurnForms.CASE, PeriodRates::lostBefore,
                PeriodRates.Row::lostBefore);
        grid.addColumn(PeriodRates.Row::atStart).setHeader(labels.text("periods.col.atstart")).setAutoWidth(true)
                .setFlexGrow(0).setKey("atstart");
        link(grid, context, labels, "lost", ChurnForms.CASE, PeriodRates::lost, PeriodRates.Row::lost);
        String tooFew = labels.text("rates.too.few", RetentionRates.MINIMUM_N);
        grid.addColumn(r -> r.enoughCustomers() ? percent.format(r.churnRate()) : tooFew)
                .setHeader(labels.text("rates.col.churn")).setAutoWidth(true).setFlexGrow(0).setKey("churn");
        grid.addColumn(r -> r.enoughCustomers() ? percent.format(1 - r.churnRate()) : tooFew)
                .setHeader(labels.text("rates.col.retention")).setAutoWidth(true).setFlexGrow(0).setKey("retention");
        link(grid, context, labels, "won", ChurnForms.CASE, PeriodRates::wonBack, PeriodRates.Row::wonBack);
        link(grid, context, labels, "closed", ChurnForms.CASE, PeriodRates::closed, PeriodRates.Row::closed);
        grid.addColumn(r -> r.enoughClosed() ? percent.format(r.winBackRate()) : labels.text("periods.too.few.closed",
                RetentionRates.MINIMUM_N)).setHeader(labels.text("periods.col.winback")).setAutoWidth(true)
                .setFlexGrow(0).setKey("winback");
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        return grid;
    }

    /** A count column whose numbers open the records behind them. */
    private static void link(Grid<PeriodRates.Row> grid, PluginContext context, Labels labels, String key,
                             String form, Function<PeriodRates.Period, List<ListFilter>> filters,
                             java.util.function.ToLongFunction<PeriodRates.Row> count) {
        grid.addComponentColumn(r -> context.components().listLink(form, filters.apply(r.period()),
                        String.valueOf(count.applyAsLong(r))))
                .setHeader(labels.text("periods.col." + key)).setAutoWidth(true).setFlexGrow(0).setKey(key);
    }

    /** The table as exported: counts as numbers, rates in percent with one decimal (empty when too few). */
    static ExportTable<PeriodRates.Row> exportTable(Labels labels, PeriodRates.Length length,
                                                    List<PeriodRates.Row> rows) {
        List<ExportColumn<PeriodRates.Row>> columns = List.of(
                ExportColumn.of(labels.text("periods.col.period"), r -> r.period().name()),
                ExportColumn.of(labels.text("periods.col.created"), PeriodRates.Row::createdBefore),
                ExportColumn.of(labels.text("periods.col.lostbefore"), PeriodRates.Row::lostBefore),
                ExportColumn.of(labels.text("periods.col.atstart"), PeriodRates.Row::atStart),
                ExportColumn.of(labels.text("periods.col.lost"), PeriodRates.Row::lost),
                ExportColumn.of(labels.text("periods.export.churn"),
                        r -> r.enoughCustomers() ? percent(r.churnRate()) : null),
                ExportColumn.of(labels.text("periods.export.retention"),
                        r -> r.enoughCustomers() ? percent(1 - r.churnRate()) : null),
                ExportColumn.of(labels.text("periods.col.won"), PeriodRates.Row::wonBack),
                ExportColumn.of(labels.text("periods.col.closed"), PeriodRates.Row::closed),
                ExportColumn.of(labels.text("periods.export.winback"),
                        r -> r.enoughClosed() ? percent(r.winBackRate()) : null));
        return new ExportTable<>("churn-rates-" + length.name().toLowerCase(Locale.ROOT), columns,
                each -> rows.forEach(each));
    }

    private static BigDecimal percent(double rate) {
        return BigDecimal.valueOf(rate * 100).setScale(1, RoundingMode.HALF_UP);
    }
}
