package io.kehu.platform.dashboards;

import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.security.Role;
import java.util.List;
import java.util.Set;

/**
 * A dashboard: widgets drawn from metrics, for some roles ({@code form-definitions/dashboards/*.json},
 * docs/dashboards.md).
 *
 * @param id unique id
 * @param label the name shown
 * @param roles who may open it
 * @param defaultFor whose dashboard it is when they open "dashboards" without naming one
 * @param widgets in display order
 * @param ownerId the user who designed it in the browser, or {@code null} for a shipped dashboard
 */
public record DashboardDefinition(String id, LocalizedText label, Set<Role> roles, Set<Role> defaultFor,
                                  List<Widget> widgets, Long ownerId) {

    public DashboardDefinition {
        roles = Set.copyOf(roles);
        defaultFor = Set.copyOf(defaultFor);
        widgets = List.copyOf(widgets);
    }

    /** Whether {@code userId} designed it (and so may change it). */
    public boolean ownedBy(long userId) {
        return ownerId != null && ownerId == userId;
    }

    /** How a widget draws its metric(s). */
    public enum Chart {
        /** One figure with the change against the previous period, the target and the n behind a percentage. */
        NUMBER,
        /** Bars per group (or per period when the metric has no groups). */
        BAR,
        /** Bars per period, stacked by group. */
        STACKED_BAR,
        /** A line over the periods. */
        LINE,
        PIE,
        DOUGHNUT,
        /** One row per group, one column per metric (metrics grouped by the same kind of value, e.g. staff). */
        TABLE,
        /** Stages (the options of the metric's group field, in order, or the widget's {@code stages}) as a funnel. */
        FUNNEL
    }

    /**
     * One widget.
     *
     * @param metrics the metric ids: one, or several for a table
     * @param chart how it is drawn
     * @param label a title instead of the (first) metric's label, or {@code null}
     * @param columns how many of the grid's {@value #COLUMNS} columns it spans (1 to 4; 4 is the whole row)
     * @param height 1 (short), 2 (standard) or 3 (tall): how high its chart is drawn
     * @param overTime whether a bar chart shows the periods (e.g. per month) rather than the metric's groups
     * @param stages a funnel's stages (option values of the metric's group field, top first); empty: all options
     */
    public record Widget(List<String> metrics, Chart chart, LocalizedText label, int columns, int height,
                         boolean overTime, List<String> stages) {

        /** The columns of the dashboard grid on a wide screen (fewer on a tablet, one on a phone). */
        public static final int COLUMNS = 4;
        /** The tallest a widget can be. */
        public static final int MAX_HEIGHT = 3;
        /** The height of a widget that names none. */
        public static final int STANDARD_HEIGHT = 2;

        public Widget {
            metrics = List.copyOf(metrics);
            stages = stages == null ? List.of() : List.copyOf(stages);
            if (columns < 1 || columns > COLUMNS) {
                throw new IllegalArgumentException("A widget spans 1 to " + COLUMNS + " columns, not " + columns);
            }
            if (height < 1 || height > MAX_HEIGHT) {
                throw new IllegalArgumentException("A widget's height is 1 to " + MAX_HEIGHT + ", not " + height);
            }
        }

        /** A widget of one column or the whole row ({@code wide}), of standard height. */
        public Widget(List<String> metrics, Chart chart, LocalizedText label, boolean wide, boolean overTime,
                      List<String> stages) {
            this(metrics, chart, label, wide ? COLUMNS : 1, STANDARD_HEIGHT, overTime, stages);
        }

        public Widget(List<String> metrics, Chart chart, LocalizedText label, boolean wide, boolean overTime) {
            this(metrics, chart, label, wide, overTime, List.of());
        }

        /** Whether it spans the whole row. */
        public boolean wide() {
            return columns == COLUMNS;
        }

        /** This widget with its own title ({@code null}: the first metric's name). */
        public Widget labelled(LocalizedText newLabel) {
            return new Widget(metrics, chart, newLabel, columns, height, overTime, stages);
        }

        /** This widget over other metrics (a table's columns); at least one. */
        public Widget measuring(List<String> newMetrics) {
            if (newMetrics.isEmpty()) {
                throw new IllegalArgumentException("A widget shows at least one metric");
            }
            return new Widget(newMetrics, chart, label, columns, height, overTime, stages);
        }

        /** This widget with another size. */
        public Widget resized(int newColumns, int newHeight) {
            return new Widget(metrics, chart, label, newColumns, newHeight, overTime, stages);
        }
    }
}
