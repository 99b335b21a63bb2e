package io.kehu.platform.dashboards.ui;

import io.kehu.platform.dashboards.DashboardDefinition.Chart;
import io.kehu.platform.dashboards.DashboardDefinition.Widget;
import io.kehu.platform.metrics.MetricDefinition;
import io.kehu.platform.metrics.MetricRequest;
import io.kehu.platform.metrics.MetricScope;
import io.kehu.platform.metrics.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * What each kind of widget asks of its metrics for the dashboard's period: a number card this period and the one
 * before, a trend the period cut by the metric's grain, bars, pies and tables the period broken down by groups.
 */
final class Widgets {

    private Widgets() {
    }

    /** Whether the widget shows periods (a trend) rather than groups. */
    static boolean overTime(Widget widget, MetricDefinition metric) {
        if (metric.time() == null) {
            return false;
        }
        return widget.chart() == Chart.LINE || widget.chart() == Chart.STACKED_BAR
                || widget.chart() == Chart.BAR && (widget.overTime() || metric.groupBy().isEmpty());
    }

    /** The requests of one widget over {@code period} narrowed to {@code scope}, one per metric. */
    static List<MetricRequest> requests(Widget widget, List<MetricDefinition> metrics, Period period,
                                        MetricScope scope) {
        List<MetricRequest> requests = new ArrayList<>();
        for (MetricDefinition metric : metrics) {
            List<Period> periods;
            boolean grouped;
            if (widget.chart() == Chart.NUMBER) {
                periods = metric.compareWithPrevious() ? List.of(period, period.previous()) : List.of(period);
                grouped = false;
            } else if (overTime(widget, metric)) {
                periods = period.split(metric.time().grain());
                grouped = widget.chart() == Chart.STACKED_BAR;
            } else {
                periods = List.of(period);
                grouped = true;
            }
            requests.add(new MetricRequest(metric, metric.time() == null ? List.of() : periods, grouped, scope));
        }
        return requests;
    }
}
