package io.kehu.plugins.churn;

import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.ui.ListFilter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The list-view filters behind one figure of the analysis, in the shapes the platform's filter bar shows (so the
 * list the user opens is filtered exactly as the figure was counted): a select or user group as {@code IN}, no value
 * as {@code IS_EMPTY}, a month of dates as an inclusive range.
 */
final class Drill {

    private Drill() {
    }

    /** The records whose select or user field {@code field} holds {@code value} (empty when null). */
    static List<ListFilter> group(String field, Object value) {
        return List.of(value == null ? ListFilter.of(field, FilterOperator.IS_EMPTY)
                : ListFilter.of(field, FilterOperator.IN, value));
    }

    /** {@code base} and one more filter. */
    static List<ListFilter> and(List<ListFilter> base, ListFilter more) {
        List<ListFilter> all = new ArrayList<>(base);
        all.add(more);
        return List.copyOf(all);
    }

    /** The records whose date field {@code field} is in the month starting {@code first}. */
    static List<ListFilter> month(String field, LocalDate first) {
        return List.of(ListFilter.of(field, FilterOperator.GREATER_OR_EQUAL, first),
                ListFilter.of(field, FilterOperator.LESS_OR_EQUAL, first.plusMonths(1).minusDays(1)));
    }
}
