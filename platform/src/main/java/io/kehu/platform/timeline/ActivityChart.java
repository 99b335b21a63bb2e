package io.kehu.platform.timeline;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A bar chart of {@link MonthlyActivity} drawn by Chart.js, loaded from its webjar as a plain script: no npm
 * packages, so Vaadin's prebuilt frontend bundle still suffices (docs/architecture.md). Kept small and package-private
 * on purpose: the SDK is getting a general chart component, and this one should fold into it.
 */
class ActivityChart extends Div {

    static final String SCRIPT = "webjars/chart.js/4.5.1/dist/chart.umd.min.js";
    private static final String[] COLOURS = {"#1676f3", "#f59f00", "#e03131", "#2f9e44", "#7048e8", "#0c8599"};

    private final MonthlyActivity activity;
    private final String config;

    ActivityChart(MonthlyActivity activity, Locale locale) {
        this.activity = activity;
        this.config = config(activity, locale);
        setId("timeline-chart");
        setWidthFull();
        getStyle().set("position", "relative").set("height", "14rem").set("max-width", "48rem");
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", activity.series().stream()
                .map(s -> s.label() + " " + s.total()).collect(Collectors.joining(", ")));
    }

    MonthlyActivity activity() {
        return activity;
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        // Loads the script once per page, then (re)draws into a fresh canvas each time the chart is attached.
        getElement().executeJs("""
                const host = $0, cfg = JSON.parse($1);
                const draw = () => {
                  if (host.__chart) { host.__chart.destroy(); }
                  const canvas = document.createElement('canvas');
                  host.replaceChildren(canvas);
                  host.__chart = new Chart(canvas, cfg);
                };
                if (window.Chart) { draw(); return; }
                let script = document.querySelector('script[data-kehu-chartjs]');
                if (!script) {
                  script = document.createElement('script');
                  script.src = new URL($2, document.baseURI).href;
                  script.dataset.kehuChartjs = '1';
                  document.head.appendChild(script);
                }
                script.addEventListener('load', draw);
                """, getElement(), config, SCRIPT);
    }

    private static String config(MonthlyActivity activity, Locale locale) {
        DateTimeFormatter month = DateTimeFormatter.ofPattern("zh".equals(locale.getLanguage()) ? "yy年M月" : "MMM yy",
                locale);
        String labels = activity.months().stream().map(m -> json(month.format(m)))
                .collect(Collectors.joining(",", "[", "]"));
        StringBuilder datasets = new StringBuilder("[");
        List<MonthlyActivity.Series> series = activity.series();
        for (int i = 0; i < series.size(); i++) {
            MonthlyActivity.Series s = series.get(i);
            datasets.append(i == 0 ? "" : ",").append("{\"label\":").append(json(s.label()))
                    .append(",\"backgroundColor\":\"").append(COLOURS[i % COLOURS.length]).append("\",\"data\":")
                    .append(s.counts().stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]")))
                    .append('}');
        }
        datasets.append(']');
        return "{\"type\":\"bar\",\"data\":{\"labels\":" + labels + ",\"datasets\":" + datasets + "},"
                + "\"options\":{\"responsive\":true,\"maintainAspectRatio\":false,\"animation\":false,"
                + "\"scales\":{\"y\":{\"beginAtZero\":true,\"ticks\":{\"precision\":0}}},"
                + "\"plugins\":{\"legend\":{\"position\":\"bottom\"}}}}";
    }

    /** A JSON string literal. */
    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
