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

    /** A chart of {@code spec}, 260 px high and as wide as its container. */
    public static ChartView of(ChartSpec spec) {
        return new ChartView(spec, JSON.writeValueAsString(ChartJsConfig.of(spec)), ChartJsConfig.summary(spec));
    }
}
