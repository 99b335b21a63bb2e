package io.kehu.platform.charts;

import io.kehu.sdk.ui.ChartSpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * Charts for every screen — the platform's own (timeline, workspace) and the plugins' through the SDK — drawn by
 * Chart.js from its web jar: one component, one configuration mapping, so a fix or a theme reaches all of them.
 */
public final class Charts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Charts() {
    }

    /** A bar chart of {@code spec} with its series stacked on each other (e.g. complaints by severity per month). */
    public static ChartView stacked(ChartSpec spec) {
        java.util.Map<String, Object> config = ChartJsConfig.of(spec);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> options = (java.util.Map<String, Object>) config.get("options");
        options.put("scales", java.util.Map.of("x", java.util.Map.of("stacked", true),
                "y", java.util.Map.of("stacked", true)));
        return new ChartView(spec, JSON.writeValueAsString(config), ChartJsConfig.summary(spec));
    }

    /**
     * A funnel of {@code spec}'s one series: horizontal bars, top stage first, each a shade narrower in colour (the
     * stages keep their order; Chart.js has no funnel of its own).
     */
    public static ChartView funnel(ChartSpec spec) {
        java.util.Map<String, Object> config = ChartJsConfig.of(spec);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> options = (java.util.Map<String, Object>) config.get("options");
        options.put("indexAxis", "y");
        options.put("scales", java.util.Map.of("y", java.util.Map.of("grid", java.util.Map.of("display", false))));
        return new ChartView(spec, JSON.writeValueAsString(config), ChartJsConfig.summary(spec));
    }

    /** A chart of {@code spec}, 260 px high and as wide as its container. */
    public static ChartView of(ChartSpec spec) {
        return new ChartView(spec, JSON.writeValueAsString(ChartJsConfig.of(spec)), ChartJsConfig.summary(spec));
    }
}
