package io.kehu.platform.plugins.sdk;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import io.kehu.platform.charts.Charts;
import io.kehu.sdk.forms.FieldInfo;
import io.kehu.sdk.forms.PluginDefinitions;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordSearch;
import io.kehu.sdk.ui.ChartSpec;
import io.kehu.sdk.ui.PluginComponents;
import java.util.Locale;
import java.util.function.Supplier;

/** {@link PluginComponents}: the lazy records grid and the Chart.js chart. */
public final class SdkComponents implements PluginComponents {

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
}
