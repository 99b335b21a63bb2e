package io.kehu.platform.views;

import io.kehu.platform.records.RecordQuery.Filter;
import io.kehu.platform.records.RecordQuery.Sort;
import java.util.List;

/**
 * What a list view shows: which columns, in which order of sort keys, with which quick search and filters. Saved
 * views store it; the list view and the export build their {@code RecordQuery} from it, so an export always has the
 * same rows as the screen.
 *
 * @param columns visible field ids, in display order
 * @param sorts sort keys
 * @param search quick-search text, or {@code null}
 * @param filters conditions, values as the filter bar sets them
 */
record ViewState(List<String> columns, List<Sort> sorts, String search, List<Filter> filters) {

    ViewState {
        columns = List.copyOf(columns);
        sorts = List.copyOf(sorts);
        filters = List.copyOf(filters);
    }
}
