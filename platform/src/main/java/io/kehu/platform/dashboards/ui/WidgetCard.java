package io.kehu.platform.dashboards.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.kehu.platform.charts.ChartView;
import io.kehu.platform.charts.Charts;
import io.kehu.platform.dashboards.DashboardDefinition.Chart;
import io.kehu.platform.dashboards.DashboardDefinition.Widget;
import io.kehu.platform.metrics.MetricDefinition;
import io.kehu.platform.metrics.MetricDefinition.Unit;
import io.kehu.platform.metrics.MetricResult;
import io.kehu.platform.metrics.MetricSnapshot;
import io.kehu.platform.metrics.MetricValue;
import io.kehu.platform.metrics.Period;
import io.kehu.platform.records.RecordQuery.Filter;
import io.kehu.platform.views.ListLinks;
import io.kehu.sdk.ui.ChartSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * One widget drawn from its computed metrics. Every figure is a link to the list of the records behind it (a chart's
 * bars and slices also on click), and every percentage shows the n it is computed from.
 */
final class WidgetCard extends Div {

    /** A chart's height when the widget is short, standard or tall. */
    static final String[] CHART_HEIGHTS = {"180px", "260px", "420px"};
    /** The least height of a number card or table when the widget is short, standard or tall. */
    static final String[] CARD_HEIGHTS = {"0", "0", "420px"};

    private final Figures figures;
    private final String prefix;
    private final String chartHeight;
    /** The chart drawn, if the widget is one (for its PNG). */
    private ChartView drawn;

    /** {@code snapshot}: a number card's figure as first reported for a closed period, or {@code null}. */
    WidgetCard(String id, Widget widget, List<MetricResult> results, MetricSnapshot snapshot, Figures figures) {
        this.figures = figures;
        this.prefix = id;
        setId(id);
        addClassName("kehu-widget");
        getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-m)").set("box-sizing", "border-box").set("min-width", "0")
                .set("background", "var(--lumo-base-color)");
        // its columns on the grid (kehu.css folds them on a tablet and a phone) and its height
        addClassName("kehu-span-" + widget.columns());
        this.chartHeight = CHART_HEIGHTS[widget.height() - 1];
        if (widget.chart() == Chart.NUMBER || widget.chart() == Chart.TABLE) {
            getStyle().set("min-height", CARD_HEIGHTS[widget.height() - 1]);
        }
        MetricDefinition first = results.get(0).metric();
        String name = widget.label() != null ? widget.label().in(figures.locale()) : first.label().in(figures.locale());
        H3 title = new H3(name);
        title.getStyle().set("margin", "0 0 var(--lumo-space-s) 0").set("font-size", "var(--lumo-font-size-m)");
        add(title);
        switch (widget.chart()) {
            case NUMBER -> number(results.get(0), snapshot);
            case TABLE -> add(new MetricTable(id + "-table", results, figures));
            case FUNNEL -> funnel(widget, results.get(0));
            default -> chart(widget, results.get(0));
        }
        // charts and tables whose closed periods are stored figures say so, and which definition version made them
        results.stream().map(MetricResult::reportedVersion).filter(java.util.Objects::nonNull).findFirst()
                .filter(v -> widget.chart() != Chart.NUMBER).ifPresent(v -> {
                    Span reported = new Span(figures.text("dashboards.reported", v));
                    reported.setId(id + "-reported");
                    reported.getStyle().set("font-size", "var(--lumo-font-size-xs)")
                            .set("color", "var(--lumo-tertiary-text-color)");
                    add(reported);
                });
        add(exports(first.id(), new WidgetSheet(name, results, figures)));
    }

    /** Under the widget: its chart as a PNG (charts only) and its data as XLSX. */
    private Div exports(String fileStem, WidgetSheet sheet) {
        Div exports = new Div();
        exports.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)")
                .set("align-items", "center").set("font-size", "var(--lumo-font-size-s)");
        if (drawn != null) {
            ChartView chart = drawn;
            Button png = new Button(figures.text("dashboards.export.png"), e -> chart.downloadPng(fileStem + ".png"));
            png.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            png.setId(prefix + "-png");
            exports.add(png);
        }
        Anchor xlsx = new Anchor((DownloadHandler) download -> {
            download.setFileName(fileStem + ".xlsx");
            download.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            sheet.write(download.getOutputStream());
        }, figures.text("dashboards.export.xlsx"));
        xlsx.setId(prefix + "-xlsx");
        exports.add(xlsx);
        return exports;
    }

    private void number(MetricResult result, MetricSnapshot snapshot) {
        MetricDefinition metric = result.metric();
        MetricValue now = result.value(0);
        Component value = link(prefix + "-value", figures.value(metric, now), metric, now.drill());
        value.getElement().getStyle().set("font-size", "var(--lumo-font-size-xxxl)").set("font-weight", "600")
                .set("display", "block");
        add(value);
        if (metric.unit() == Unit.PERCENT || metric.measure().function() == MetricDefinition.Function.RATIO) {
            add(line(now.belowMinimumN()
                    ? figures.text("dashboards.n.tooFew", now.n(), metric.minimumN())
                    : null, link(prefix + "-n", figures.text("dashboards.n", now.n()), metric, now.nDrill())));
        }
        if (metric.compareWithPrevious() && result.request().effectivePeriods().size() > 1) {
            add(change(metric, now, result.value(1)));
        }
        if (metric.target() != null) {
            String target = figures.text(metric.target().direction() == MetricDefinition.Direction.AT_LEAST
                    ? "dashboards.target.atLeast" : "dashboards.target.atMost",
                    figures.format(metric.unit(), metric.target().value()));
            Span state = new Span();
            if (now.value() != null) {
                boolean met = metric.target().metBy(now.value());
                state.setText(figures.text(met ? "dashboards.target.met" : "dashboards.target.missed"));
                state.getElement().getThemeList().add("badge " + (met ? "success" : "error"));
            }
            state.setId(prefix + "-target-state");
            add(line(target, state));
        }
        if (snapshot != null) {
            Div reported = line(figures.text("dashboards.snapshot", snapshot.value() == null ? "—"
                    : figures.format(metric.unit(), snapshot.value()), snapshot.version(),
                    snapshot.takenAt().toLocalDate().toString()), null);
            reported.setId(prefix + "-snapshot");
            add(reported);
        }
        Span version = new Span(figures.text("dashboards.version", metric.version()));
        version.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-tertiary-text-color)");
        add(version);
    }

    private Div change(MetricDefinition metric, MetricValue now, MetricValue before) {
        String text;
        if (now.value() == null || before.value() == null) {
            text = figures.text("dashboards.change.none");
        } else {
            BigDecimal delta = now.value().subtract(before.value());
            String arrow = delta.signum() > 0 ? "▲ " : delta.signum() < 0 ? "▼ " : "";
            String amount;
            if (metric.unit() == Unit.PERCENT) {
                amount = figures.text("dashboards.change.points", delta.abs().movePointRight(2)
                        .setScale(1, RoundingMode.HALF_UP).toPlainString());
            } else if (before.value().signum() == 0) {
                amount = figures.format(metric.unit(), delta.abs());
            } else {
                amount = figures.percent(delta.abs().divide(before.value().abs(), 4, RoundingMode.HALF_UP));
            }
            text = figures.text("dashboards.change", arrow + amount, figures.value(metric, before));
        }
        Div change = line(text, null);
        change.setId(prefix + "-change");
        return change;
    }

    private void chart(Widget widget, MetricResult result) {
        MetricDefinition metric = result.metric();
        List<String> labels = new ArrayList<>();
        List<List<Filter>> drills = new ArrayList<>();
        List<ChartSpec.Series> series = new ArrayList<>();
        List<List<List<Filter>>> seriesDrills = new ArrayList<>();
        List<Period> periods = result.request().effectivePeriods();
        if (Widgets.overTime(widget, metric)) {
            periods.forEach(p -> labels.add(figures.period(p, metric.time().grain())));
            for (List<Object> group : figures.sorted(metric, result.groups())) {
                List<Number> values = new ArrayList<>();
                List<List<Filter>> groupDrills = new ArrayList<>();
                for (int i = 0; i < periods.size(); i++) {
                    MetricValue v = result.value(i, group);
                    values.add(chartNumber(metric, v));
                    groupDrills.add(v.drill());
                }
                String name = group.isEmpty() ? metric.label().in(figures.locale())
                        : figures.group(metric, metric.groupBy().get(0), group.get(0));
                series.add(new ChartSpec.Series(name, values, List.of()));
                seriesDrills.add(groupDrills);
            }
        } else {
            List<Number> values = new ArrayList<>();
            List<List<Filter>> groupDrills = new ArrayList<>();
            for (List<Object> group : figures.sorted(metric, result.groups())) {
                MetricValue v = result.value(0, group);
                labels.add(group.isEmpty() ? metric.label().in(figures.locale())
                        : figures.group(metric, metric.groupBy().get(0), group.get(0)));
                values.add(chartNumber(metric, v));
                groupDrills.add(v.drill());
            }
            series.add(new ChartSpec.Series(metric.label().in(figures.locale()), values, List.of()));
            seriesDrills.add(groupDrills);
        }
        if (labels.isEmpty() || series.isEmpty()) {
            Span none = new Span(figures.text("dashboards.noData"));
            none.setId(prefix + "-empty");
            add(none);
            return;
        }
        ChartSpec.Kind kind = switch (widget.chart()) {
            case LINE -> ChartSpec.Kind.LINE;
            case PIE -> ChartSpec.Kind.PIE;
            case DOUGHNUT -> ChartSpec.Kind.DOUGHNUT;
            default -> ChartSpec.Kind.BAR;
        };
        ChartSpec spec = new ChartSpec(kind, null, labels, series);
        ChartView chart = widget.chart() == Chart.STACKED_BAR ? Charts.stacked(spec) : Charts.of(spec);
        figures.formatValues(chart, metric.unit());
        chart.setHeight(chartHeight);
        chart.setId(prefix + "-chart");
        drawn = chart;
        chart.addPointClickListener((s, index) -> {
            List<Filter> drill = seriesDrills.get(s).get(index);
            if (drill != null) {
                ListLinks.open(UI.getCurrent(), metric.form(), drill);
            }
        });
        add(chart, new PointLinks(prefix, metric, labels, series, seriesDrills, figures,
                kind == ChartSpec.Kind.PIE || kind == ChartSpec.Kind.DOUGHNUT));
    }

    /**
     * The stages of the metric's group field top first, each bar its records (a stage without records too, as 0),
     * each opening its stage's list.
     */
    private void funnel(Widget widget, MetricResult result) {
        MetricDefinition metric = result.metric();
        String field = metric.groupBy().isEmpty() ? null : metric.groupBy().get(0);
        List<String> stages = field == null ? List.of() : widget.stages().isEmpty()
                ? figures.options(metric, field) : widget.stages();
        if (stages.isEmpty() || !result.request().grouped()) {
            chart(widget, result);
            return;
        }
        List<String> labels = new ArrayList<>();
        List<Number> values = new ArrayList<>();
        List<List<Filter>> drills = new ArrayList<>();
        for (String stage : stages) {
            MetricValue v = result.value(0, List.of(stage));
            labels.add(figures.group(metric, field, stage));
            values.add(chartNumber(metric, v));
            drills.add(v.drill());
        }
        List<ChartSpec.Series> series = List.of(new ChartSpec.Series(metric.label().in(figures.locale()), values,
                List.of()));
        ChartView chart = Charts.funnel(new ChartSpec(ChartSpec.Kind.BAR, null, labels, series));
        figures.formatValues(chart, metric.unit());
        chart.setHeight(chartHeight);
        chart.setId(prefix + "-chart");
        drawn = chart;
        chart.addPointClickListener((s, index) -> {
            if (drills.get(index) != null) {
                ListLinks.open(UI.getCurrent(), metric.form(), drills.get(index));
            }
        });
        add(chart, new PointLinks(prefix, metric, labels, series, List.of(drills), figures, false));
    }

    private static Number chartNumber(MetricDefinition metric, MetricValue v) {
        if (v.value() == null) {
            return 0;
        }
        return metric.unit() == Unit.PERCENT ? v.value().movePointRight(2) : v.value();
    }

    /** A link to the list of the records behind a figure, or plain text when none can be behind it. */
    static Component link(String id, String text, MetricDefinition metric, List<Filter> drill) {
        Component c;
        if (drill == null) {
            c = new Span(text);
        } else {
            Anchor a = new Anchor(ListLinks.filtered(metric.form(), drill), text);
            a.getElement().setAttribute("router-link", true);
            c = a;
        }
        c.setId(id);
        return c;
    }

    private static Div line(String text, Component extra) {
        Div line = new Div();
        if (text != null) {
            line.add(new Span(text + " "));
        }
        if (extra != null) {
            line.add(extra);
        }
        line.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        return line;
    }
}
