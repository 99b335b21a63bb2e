package io.kehu.platform.charts;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import io.kehu.sdk.ui.ChartSpec;

/**
 * A Chart.js chart as a Flow component without a front-end build: the script comes from the platform's web jar
 * ({@code org.webjars.npm:chart.js}, served under {@code /webjars/}), loaded once per page on first use, and the chart
 * is drawn from a JSON configuration on each attach.
 */
public final class ChartView extends Div {

    /** Relative to the page's base URL, so it works under any context path. */
    public static final String SCRIPT = "webjars/chart.js/4.5.1/dist/chart.umd.min.js";

    private static final String DRAW = """
            const host = $0, config = JSON.parse($1), format = $3 ? JSON.parse($3) : null;
            // numbers in the viewer's language (1,234.5), and in the figure's unit where the screen gave one
            // (¥1,234.00, 83.3%, 4.5 小时): tooltips and the value axis read like the cards beside them
            config.options.locale = $4;
            if (format) {
              const number = new Intl.NumberFormat($4,
                  {minimumFractionDigits: format.min, maximumFractionDigits: format.max});
              const text = v => format.prefix + number.format(v) + format.suffix;
              const valueAxis = config.options.indexAxis === 'y' ? 'x' : 'y';
              config.options.plugins.tooltip = {callbacks: {label: c => {
                const v = c.parsed !== null && typeof c.parsed === 'object' ? c.parsed[valueAxis] : c.parsed;
                return (c.dataset.label ? c.dataset.label + ': ' : '') + text(v);
              }}};
              if (config.type !== 'pie' && config.type !== 'doughnut') {
                const scales = config.options.scales = config.options.scales || {};
                const scale = scales[valueAxis] = Object.assign({}, scales[valueAxis]);
                scale.ticks = Object.assign({}, scale.ticks, {callback: v => text(v)});
              }
            }
            // a click on a bar, point or slice tells the server which one (see addPointClickListener)
            config.options.onClick = (e, elements) => {
              if (elements.length) {
                host.dispatchEvent(new CustomEvent('kehu-chart-click',
                    {detail: {series: elements[0].datasetIndex, index: elements[0].index}}));
              }
            };
            // text, grid lines and slice borders in the theme's colours, so a chart reads in Lumo's dark theme too;
            // the grid goes into this chart's options, not Chart.defaults.borderColor, which would switch off the
            // Colors plugin (the default bar and slice colours)
            const themed = () => {
              const css = getComputedStyle(host), colour = name => css.getPropertyValue(name).trim();
              const text = colour('--lumo-secondary-text-color'), line = colour('--lumo-contrast-20pct');
              if (text) { Chart.defaults.color = text; }
              if (colour('--lumo-base-color')) { Chart.defaults.elements.arc.borderColor = colour('--lumo-base-color'); }
              if (line && config.type !== 'pie' && config.type !== 'doughnut') {
                const scales = config.options.scales = config.options.scales || {};
                for (const axis of ['x', 'y']) {
                  const scale = scales[axis] = scales[axis] || {};
                  scale.grid = Object.assign({}, scale.grid, {color: line});
                  scale.border = Object.assign({}, scale.border, {color: line});
                  if (text) { scale.ticks = Object.assign({}, scale.ticks, {color: text}); }
                }
              }
            };
            const draw = () => {
              if (host.__kehuChart) { host.__kehuChart.destroy(); }
              themed();
              host.__kehuChart = new Chart(host.querySelector('canvas'), config);
            };
            // switching the theme (the theme attribute of <html>) redraws in the new colours
            if (!host.__kehuTheme) {
              host.__kehuTheme = new MutationObserver(() => { if (host.isConnected) { draw(); } });
              host.__kehuTheme.observe(document.documentElement, {attributes: true, attributeFilter: ['theme']});
            }
            if (window.Chart) { draw(); return; }
            let script = document.querySelector('script[data-kehu-chartjs]');
            if (!script) {
              script = document.createElement('script');
              script.src = $2;
              script.dataset.kehuChartjs = 'true';
              document.head.appendChild(script);
            }
            script.addEventListener('load', draw);
            """;

    private final ChartSpec spec;
    private final String config;
    /** How values read in tooltips and on the value axis (JSON), or {@code null} for plain numbers. */
    private String valueFormat;

    /**
     * @param spec what is drawn
     * @param config the Chart.js configuration as JSON
     * @param summary the data as text, the canvas's fallback content: what screen readers (and tests) read
     */
    ChartView(ChartSpec spec, String config, String summary) {
        this.spec = spec;
        this.config = config;
        addClassName("kehu-chart");
        getStyle().set("position", "relative");
        setHeight("260px");
        setWidthFull();
        Element canvas = new Element("canvas");
        canvas.setAttribute("role", "img");
        canvas.setText(summary);
        getElement().appendChild(canvas);
    }

    /** What is drawn. */
    public ChartSpec spec() {
        return spec;
    }

    /** The Chart.js configuration drawn (for tests and debugging). */
    public String config() {
        return config;
    }

    /**
     * Writes values in tooltips and on the value axis as {@code prefix} + the number in the viewer's language with
     * between {@code minFractionDigits} and {@code maxFractionDigits} decimals + {@code suffix} — e.g. "¥", "", 2, 2
     * for ¥1,234.00 — so a chart reads like the figures beside it. Without it numbers are only grouped.
     */
    public ChartView formatValues(String prefix, String suffix, int minFractionDigits, int maxFractionDigits) {
        java.util.Map<String, Object> format = new java.util.LinkedHashMap<>();
        format.put("prefix", prefix);
        format.put("suffix", suffix);
        format.put("min", minFractionDigits);
        format.put("max", maxFractionDigits);
        valueFormat = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(format);
        return this;
    }

    /** The value format given by {@link #formatValues} as JSON, or {@code null} (for tests). */
    public String valueFormat() {
        return valueFormat;
    }

    /**
     * Calls {@code listener} with the series and the label index of a clicked bar, point or slice (e.g. to open the
     * records behind it).
     */
    public com.vaadin.flow.shared.Registration addPointClickListener(PointClickListener listener) {
        return getElement().addEventListener("kehu-chart-click", e -> listener.clicked(
                e.getEventData().get("event.detail.series").asInt(),
                e.getEventData().get("event.detail.index").asInt()))
                .addEventData("event.detail.series").addEventData("event.detail.index");
    }

    /** Told which bar, point or slice was clicked. */
    @FunctionalInterface
    public interface PointClickListener extends java.io.Serializable {

        void clicked(int series, int index);
    }

    /**
     * Saves the chart as it is drawn as a PNG file named {@code fileName} in the browser (Chart.js
     * {@code toBase64Image}), on the theme's background colour rather than transparent.
     */
    public void downloadPng(String fileName) {
        getElement().executeJs("""
                const chart = this.__kehuChart;
                if (!chart) { return; }
                const canvas = document.createElement('canvas');
                canvas.width = chart.canvas.width;
                canvas.height = chart.canvas.height;
                const context = canvas.getContext('2d');
                context.fillStyle = getComputedStyle(this).getPropertyValue('--lumo-base-color').trim() || '#fff';
                context.fillRect(0, 0, canvas.width, canvas.height);
                const image = new Image();
                image.onload = () => {
                  context.drawImage(image, 0, 0);
                  const link = document.createElement('a');
                  link.href = canvas.toDataURL('image/png');
                  link.download = $0;
                  document.body.appendChild(link);
                  link.click();
                  link.remove();
                };
                image.src = chart.toBase64Image();
                """, fileName);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        getElement().executeJs(DRAW, getElement(), config, SCRIPT, valueFormat == null ? "" : valueFormat,
                getLocale().toLanguageTag());
    }
}
