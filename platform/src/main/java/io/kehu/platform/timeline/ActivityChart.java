package io.kehu.platform.timeline;

import io.kehu.platform.charts.ChartView;
import io.kehu.platform.charts.Charts;
import io.kehu.sdk.ui.ChartSpec;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The timeline's bar chart of {@link MonthlyActivity}: one series of bars per kind of related record, by month. */
final class ActivityChart {

    private static final String[] COLOURS = {"#1676f3", "#f59f00", "#e03131", "#2f9e44", "#7048e8", "#0c8599"};

    private ActivityChart() {
    }

    static ChartView of(MonthlyActivity activity, Locale locale) {
        DateTimeFormatter month = DateTimeFormatter.ofPattern("zh".equals(locale.getLanguage()) ? "yy年M月" : "MMM yy",
                locale);
        List<String> labels = activity.months().stream().map(month::format).toList();
        List<MonthlyActivity.Series> kinds = activity.series();
        List<ChartSpec.Series> series = new java.util.ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            series.add(new ChartSpec.Series(kinds.get(i).label(), kinds.get(i).counts(),
                    List.of(COLOURS[i % COLOURS.length])));
        }
        ChartView chart = Charts.of(new ChartSpec(ChartSpec.Kind.BAR, null, labels, series));
        chart.setId("timeline-chart");
        chart.getStyle().set("max-width", "48rem");
        chart.setHeight("14rem");
        return chart;
    }
}
