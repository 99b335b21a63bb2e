package io.kehu.sdk.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordSearch;
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
}
