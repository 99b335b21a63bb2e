package io.kehu.platform.dashboards.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import io.kehu.platform.metrics.MetricDefinition;
import io.kehu.platform.metrics.MetricDefinition.Unit;
import io.kehu.platform.records.RecordQuery.Filter;
import io.kehu.sdk.ui.ChartSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A chart's data as links under it (folded): what a screen reader reads, what a phone user taps instead of a thin
 * slice, and for pies each slice's share with the n it is a share of.
 */
final class PointLinks extends Details {

    PointLinks(String prefix, MetricDefinition metric, List<String> labels, List<ChartSpec.Series> series,
               List<List<List<Filter>>> drills, Figures figures, boolean shares) {
        setSummaryText(figures.text("dashboards.data"));
        setId(prefix + "-data");
        Div list = new Div();
        for (int s = 0; s < series.size(); s++) {
            ChartSpec.Series one = series.get(s);
            BigDecimal total = one.values().stream().map(v -> new BigDecimal(v.toString()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            for (int i = 0; i < labels.size(); i++) {
                BigDecimal value = new BigDecimal(one.values().get(i).toString());
                String shown = metric.unit() == Unit.PERCENT ? figures.percent(value.movePointLeft(2))
                        : figures.format(metric.unit(), value);
                String name = series.size() > 1 ? one.label() + " · " + labels.get(i) : labels.get(i);
                String text = name + ": " + shown;
                if (shares && total.signum() > 0) {
                    text += " (" + figures.percent(value.divide(total, 4, RoundingMode.HALF_UP)) + ", "
                            + figures.text("dashboards.n", total.longValue()) + ")";
                }
                Div row = new Div(WidgetCard.link(prefix + "-point-" + s + "-" + i, text, metric,
                        drills.get(s).get(i)));
                row.getStyle().set("min-height", "32px").set("font-size", "var(--lumo-font-size-s)");
                list.add(row);
            }
        }
        add(list);
    }
}
