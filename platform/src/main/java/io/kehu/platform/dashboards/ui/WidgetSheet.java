package io.kehu.platform.dashboards.ui;

import io.kehu.platform.metrics.MetricDefinition;
import io.kehu.platform.metrics.MetricDefinition.Unit;
import io.kehu.platform.metrics.MetricResult;
import io.kehu.platform.metrics.MetricValue;
import io.kehu.platform.metrics.Period;
import io.kehu.platform.security.SpreadsheetText;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A widget's data as an XLSX sheet: one row per metric, period and group with the figure as shown (83.3%, 3.5 小时),
 * the number itself (a percentage as a fraction, formatted as a percentage), and the n behind it. Text is
 * neutralised ({@link SpreadsheetText}), so an option label or a user name starting with {@code =} is no formula.
 * The rows are made when the widget is drawn, so the download writes exactly what the screen showed.
 */
final class WidgetSheet {

    private final String name;
    private final List<String> headers;
    private final List<Row> rows = new ArrayList<>();

    private record Row(List<String> texts, BigDecimal value, boolean percent, long n) {
    }

    WidgetSheet(String name, List<MetricResult> results, Figures figures) {
        this.name = name;
        this.headers = List.of(figures.text("dashboards.sheet.metric"), figures.text("dashboards.sheet.period"),
                figures.text("dashboards.sheet.group"), figures.text("dashboards.sheet.shown"),
                figures.text("dashboards.sheet.value"), figures.text("dashboards.sheet.n"));
        for (MetricResult result : results) {
            MetricDefinition metric = result.metric();
            List<Period> periods = result.request().effectivePeriods();
            int count = Math.max(1, periods.size());
            for (int p = 0; p < count; p++) {
                String period = periods.isEmpty() ? figures.text("dashboards.sheet.now") : figures.range(periods.get(p));
                for (List<Object> group : figures.sorted(metric, result.groups())) {
                    MetricValue v = result.value(p, group);
                    List<String> names = new ArrayList<>();
                    for (int g = 0; g < group.size(); g++) {
                        names.add(figures.group(metric, metric.groupBy().get(g), group.get(g)));
                    }
                    rows.add(new Row(List.of(metric.label().in(figures.locale()), period, String.join(" · ", names),
                            figures.value(metric, v)), v.value(), metric.unit() == Unit.PERCENT, v.n()));
                }
            }
        }
    }

    /** How many data rows the sheet has (without the header). */
    int rows() {
        return rows.size();
    }

    void write(OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Kehu", "1.0");
        String sheetName = name.replaceAll("[\\\\/?*\\[\\]:]", " ").strip();
        Worksheet sheet = workbook.newWorksheet(sheetName.isEmpty() ? "Kehu"
                : sheetName.substring(0, Math.min(31, sheetName.length())));
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, SpreadsheetText.neutralise(headers.get(c)));
            sheet.style(0, c).bold().set();
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            for (int c = 0; c < row.texts().size(); c++) {
                sheet.value(r + 1, c, SpreadsheetText.neutralise(row.texts().get(c)));
            }
            if (row.value() != null) {
                sheet.value(r + 1, 4, row.value());
                if (row.percent()) {
                    sheet.style(r + 1, 4).format("0.0%").set();
                }
            }
            sheet.value(r + 1, 5, row.n());
        }
        workbook.finish();
    }
}
