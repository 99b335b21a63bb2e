package io.kehu.platform.plugins.sdk;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import io.kehu.platform.charts.ChartView;
import io.kehu.platform.charts.Charts;
import io.kehu.sdk.forms.FieldInfo;
import io.kehu.sdk.forms.PluginDefinitions;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordSearch;
import io.kehu.sdk.ui.ChartSpec;
import io.kehu.sdk.ui.ListFilter;
import io.kehu.sdk.ui.PluginComponents;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** {@link PluginComponents}: the lazy records grid, the Chart.js chart and drill-through links into list views. */
public final class SdkComponents implements PluginComponents {

    /** The list view's route prefix and filter parameter ({@code views.RecordListView}, {@code views.ListLinks}). */
    private static final String LIST_PATH = "forms/";
    private static final String FILTERS = "filters";
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .build();

    /** The most records one page request reads ({@code RecordSearch.limit} allows up to 1000). */
    static final int MAX_PAGE = 1000;

    private final PluginDefinitions definitions;
    SdkComponents(PluginDefinitions definitions) {
        this.definitions = definitions;
    }

    @Override
    public Grid<RecordData> recordGrid(String formId, Supplier<RecordSearch> search, String... fieldIds) {
        Locale locale = UI.getCurrent() == null ? Locale.ENGLISH : UI.getCurrent().getLocale();
        Grid<RecordData> grid = new Grid<>();
        for (String fieldId : fieldIds) {
            String header = definitions.form(formId).flatMap(f -> f.field(fieldId)).map(FieldInfo::label)
                    .map(l -> l.in(locale)).orElse(fieldId);
            grid.addColumn(r -> r.get(fieldId) == null ? "" : r.get(fieldId).toString()).setHeader(header)
                    .setKey(fieldId);
        }
        // No count callback: the grid asks page by page and never makes the store count millions of rows.
        grid.setItems(query -> {
            RecordSearch page = search.get();
            return page == null ? java.util.stream.Stream.empty()
                    : page.offset(query.getOffset()).limit(Math.max(1, Math.min(MAX_PAGE, query.getLimit())))
                            .list().stream();
        });
        return grid;
    }

    @Override
    public Component chart(ChartSpec spec) {
        return Charts.of(spec);
    }

    @Override
    public String listRoute(String formId, List<ListFilter> filters) {
        String path = LIST_PATH + formId;
        return filters.isEmpty() ? path : path + "?" + com.vaadin.flow.router.QueryParameters.simple(
                java.util.Map.of(FILTERS, encode(filters))).getQueryString();
    }

    @Override
    public Component listLink(String formId, List<ListFilter> filters, String text) {
        com.vaadin.flow.component.html.Anchor link = new com.vaadin.flow.component.html.Anchor(
                listRoute(formId, filters), text);
        link.getElement().setAttribute("router-link", true);
        return link;
    }

    @Override
    public Component drillChart(ChartSpec spec, String formId, List<List<ListFilter>> drills) {
        if (drills.size() != spec.labels().size()) {
            throw new IllegalArgumentException(drills.size() + " drill-throughs for " + spec.labels().size()
                    + " labels");
        }
        ChartView chart = Charts.of(spec);
        chart.addPointClickListener((series, index) -> {
            List<ListFilter> drill = index >= 0 && index < drills.size() ? drills.get(index) : null;
            if (drill != null && UI.getCurrent() != null) {
                UI.getCurrent().navigate(LIST_PATH + formId, com.vaadin.flow.router.QueryParameters.of(FILTERS,
                        encode(drill)));
            }
        });
        com.vaadin.flow.component.details.Details data = new com.vaadin.flow.component.details.Details();
        data.setSummaryText(data.getTranslation("dashboards.data"));
        com.vaadin.flow.component.html.Div list = new com.vaadin.flow.component.html.Div();
        for (ChartSpec.Series series : spec.series()) {
            for (int i = 0; i < spec.labels().size(); i++) {
                String name = spec.series().size() > 1 ? series.label() + " · " + spec.labels().get(i)
                        : spec.labels().get(i);
                String text = name + ": " + number(series.values().get(i));
                Component point = drills.get(i) == null ? new com.vaadin.flow.component.html.Span(text)
                        : listLink(formId, drills.get(i), text);
                com.vaadin.flow.component.html.Div row = new com.vaadin.flow.component.html.Div(point);
                row.getStyle().set("min-height", "32px").set("font-size", "var(--lumo-font-size-s)");
                list.add(row);
            }
        }
        data.add(list);
        com.vaadin.flow.component.html.Div box = new com.vaadin.flow.component.html.Div(chart, data);
        box.setWidthFull();
        return box;
    }

    private static String number(Number value) {
        Locale locale = UI.getCurrent() == null ? Locale.ENGLISH : UI.getCurrent().getLocale();
        return java.text.NumberFormat.getNumberInstance(locale).format(value);
    }

    /**
     * The filters as the list view reads them from its {@code filters} parameter: the saved-view JSON of
     * {@code views.ListLinks} / {@code SavedViews.write} (columns, sorts, filters with the operator names the SDK's
     * {@code FilterOperator} shares and the values as text). Written here, not through {@code views.ListLinks}, because
     * the views depend on the plugins (record tabs) and the features must stay free of cycles; the churn plugin's
     * drill-through tests open these links in the real list view and compare its count.
     */
    static String encode(List<ListFilter> filters) {
        tools.jackson.databind.node.ObjectNode root = JSON.createObjectNode();
        root.putArray("columns");
        root.putArray("sorts");
        tools.jackson.databind.node.ArrayNode list = root.putArray("filters");
        for (ListFilter f : filters) {
            tools.jackson.databind.node.ObjectNode node = list.addObject().put("column", f.fieldId())
                    .put("operator", f.operator().name());
            tools.jackson.databind.node.ArrayNode values = node.putArray("values");
            f.values().forEach(v -> values.add(v instanceof java.math.BigDecimal d ? d.toPlainString()
                    : String.valueOf(v)));
        }
        return JSON.writeValueAsString(root);
    }
}
