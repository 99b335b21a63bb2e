package io.kehu.plugins.tiering;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordSearch;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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
        Grid<RecordData> grid = new Grid<>();
        grid.setId("adjust-grid");
        for (String column : COLUMNS) {
            grid.addColumn(r -> r.get(column) == null ? "" : r.get(column).toString())
                    .setHeader(context.definitions().form(TieringForms.HISTORY).flatMap(f -> f.field(column))
                            .map(f -> f.label().in(locale)).orElse(column));
        }
        grid.setItems(query -> period.getValue() == null ? java.util.stream.Stream.empty()
                : search(context, period.getValue()).offset(query.getOffset())
                        .limit(Math.max(1, Math.min(1000, query.getLimit()))).list().stream());
        period.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        if (!periods.isEmpty()) {
            period.setValue(periods.get(0));
        }
        Anchor export = new Anchor((DownloadHandler) download -> {
            String chosen = period.getValue() == null ? "" : period.getValue();
            download.setFileName("tier-adjustments-" + chosen + ".csv");
            download.setContentType("text/csv; charset=UTF-8");
            Writer out = new OutputStreamWriter(download.getOutputStream(), StandardCharsets.UTF_8);
            out.write('\ufeff');
            out.write(String.join(",", COLUMNS) + "\r\n");
            search(context, chosen).forEach(r -> {
                try {
                    List<String> cells = new ArrayList<>();
                    for (String column : COLUMNS) {
                        cells.add(csv(r.get(column)));
                    }
                    out.write(String.join(",", cells) + "\r\n");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            out.flush();
        }, context.messages().get("adjust.export", locale));
        export.setId("adjust-export");
        VerticalLayout layout = new VerticalLayout(new HorizontalLayout(period, export), grid);
        layout.setSizeFull();
        return layout;
    }

    private static RecordSearch search(PluginContext context, String period) {
        return context.recordsOfCurrentUser().search(TieringForms.HISTORY)
                .where("period", FilterOperator.EQUALS, period);
    }

    /** A CSV cell: quoted when needed; a leading = + - @ is defused so spreadsheets do not run it as a formula. */
    static String csv(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
