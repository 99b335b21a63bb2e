package io.kehu.sdk.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordSearch;
import java.util.List;
import java.util.function.Supplier;

/** Components the platform builds for plugin views, panels and widgets, so plugins need not rebuild them. */
public interface PluginComponents {

    /**
     * A lazy grid over a records query: each page the grid shows is one {@code search.get().offset(..).limit(..)}
     * call, so it works on millions of records and never counts them. {@code search} is asked again for every page
     * (build it from the current filter values); after a filter changes, call
     * {@code grid.getDataProvider().refreshAll()}. One column per field id, headed by the field's label in the
     * user's language, showing the value as text; add more columns on the returned grid as usual.
     *
     * @param formId the form the search is over (for the column labels)
     */
    Grid<RecordData> recordGrid(String formId, Supplier<RecordSearch> search, String... fieldIds);

    /**
     * A chart (Chart.js, served by the platform from its web jar: no front-end build), sized by the caller
     * ({@code setWidth}/{@code setHeight} on the returned component).
     */
    Component chart(ChartSpec spec);

    /**
     * The route of {@code formId}'s list view with {@code filters} set in its filter bar (drill-through, as the
     * dashboards' figures open their records): {@code forms/<form>?filters=<json>}. The list reads with the viewer's
     * permissions, so a figure counted with the same filters through {@code recordsOfCurrentUser()} equals the
     * list's count. See {@link ListFilter} for the filter shapes the list view shows.
     */
    String listRoute(String formId, List<ListFilter> filters);

    /** A link (text) opening {@link #listRoute}: for the numbers in a plugin's tables and summaries. */
    Component listLink(String formId, List<ListFilter> filters, String text);

    /**
     * A chart whose every bar, point or slice opens the list of the records behind it: {@code drills} has one list
     * of filters per label of {@code spec} (null where nothing can be listed) for the records of {@code formId}.
     * Under the chart a folded "数据明细 / Data" lists every label with its value as a link (what phone and
     * screen-reader users follow), as on the dashboards.
     */
    Component drillChart(ChartSpec spec, String formId, List<List<ListFilter>> drills);
}
