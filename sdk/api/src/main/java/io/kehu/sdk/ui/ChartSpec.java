package io.kehu.sdk.ui;

import java.util.List;

/**
 * A simple chart drawn by the platform's chart component (Chart.js in the browser): one kind, category labels and one
 * or more series of numbers.
 *
 * @param kind bar, line, pie or doughnut
 * @param title shown above the chart, or {@code null}
 * @param labels the categories (x axis, or pie slices)
 * @param series the data, each with one value per label
 */
public record ChartSpec(Kind kind, String title, List<String> labels, List<Series> series) {

    /** The kinds of chart. */
    public enum Kind {
        BAR, LINE, PIE, DOUGHNUT
    }

    /**
     * One series.
     *
     * @param label its name in the legend
     * @param values one per label
     * @param colours CSS colours, one for the whole series or one per value; empty for the chart's defaults
     */
    public record Series(String label, List<? extends Number> values, List<String> colours) {

        public Series {
            values = List.copyOf(values);
            colours = colours == null ? List.of() : List.copyOf(colours);
        }
    }

    public ChartSpec {
        labels = List.copyOf(labels);
        series = List.copyOf(series);
        for (Series s : series) {
            if (s.values().size() != labels.size()) {
                throw new IllegalArgumentException("Series '" + s.label() + "' has " + s.values().size()
                        + " values for " + labels.size() + " labels");
            }
        }
    }

    /** One series of bars. */
    public static ChartSpec bar(String title, List<String> labels, String seriesLabel, List<? extends Number> values,
                                List<String> colours) {
        return new ChartSpec(Kind.BAR, title, labels, List.of(new Series(seriesLabel, values, colours)));
    }
}
