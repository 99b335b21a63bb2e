package io.kehu.platform.charts;

import io.kehu.sdk.ui.ChartSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A {@link ChartSpec} as a Chart.js configuration (serialised to JSON by the host). */
final class ChartJsConfig {

    private ChartJsConfig() {
    }

    static Map<String, Object> of(ChartSpec spec) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", spec.labels());
        data.put("datasets", spec.series().stream().map(ChartJsConfig::dataset).toList());
        Map<String, Object> plugins = new LinkedHashMap<>();
        plugins.put("legend", Map.of("display", spec.series().size() > 1 || round(spec)));
        if (spec.title() != null && !spec.title().isBlank()) {
            plugins.put("title", Map.of("display", true, "text", spec.title()));
        }
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("responsive", true);
        options.put("maintainAspectRatio", false);
        options.put("animation", false);
        options.put("plugins", plugins);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("type", spec.kind().name().toLowerCase(Locale.ROOT));
        config.put("data", data);
        config.put("options", options);
        return config;
    }

    /** "Series: label 1 value 1, label 2 value 2" per series, for the canvas's fallback content. */
    static String summary(ChartSpec spec) {
        StringBuilder text = new StringBuilder(spec.title() == null ? "" : spec.title() + ". ");
        for (ChartSpec.Series series : spec.series()) {
            text.append(series.label() == null ? "" : series.label() + ": ");
            for (int i = 0; i < spec.labels().size(); i++) {
                text.append(i == 0 ? "" : ", ").append(spec.labels().get(i)).append(' ').append(series.values().get(i));
            }
            text.append(". ");
        }
        return text.toString().strip();
    }

    private static boolean round(ChartSpec spec) {
        return spec.kind() == ChartSpec.Kind.PIE || spec.kind() == ChartSpec.Kind.DOUGHNUT;
    }

    private static Map<String, Object> dataset(ChartSpec.Series series) {
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("label", series.label());
        dataset.put("data", series.values());
        List<String> colours = series.colours();
        if (!colours.isEmpty()) {
            Object colour = colours.size() == 1 ? colours.get(0) : colours;
            dataset.put("backgroundColor", colour);
            dataset.put("borderColor", colour);
        }
        return dataset;
    }
}
