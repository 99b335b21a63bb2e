package io.kehu.sdk.ui;

import io.kehu.sdk.records.FilterOperator;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One filter of a drill-through link into a form's list view ({@link PluginComponents#listLink}): the list shows it
 * in its filter bar, so the user sees exactly which records a figure counted. Use the shapes the filter bar shows —
 * anything else is dropped by the list view, and the list would then show more than the figure:
 * <ul>
 *   <li>select and user fields: {@link FilterOperator#IN} (users by id); multiselect: {@code CONTAINS_ANY}</li>
 *   <li>yes/no and record references: {@link FilterOperator#EQUALS}</li>
 *   <li>text: {@link FilterOperator#CONTAINS} (case-insensitive substring, so "美的" also lists "美的集团")</li>
 *   <li>numbers and dates: {@code GREATER_OR_EQUAL} / {@code LESS_OR_EQUAL} (inclusive); date-times
 *       {@code GREATER_OR_EQUAL} / {@code LESS}</li>
 *   <li>any field: {@link FilterOperator#IS_EMPTY} / {@code IS_NOT_EMPTY}</li>
 * </ul>
 * Count a figure with the same filters ({@code records().aggregate(form).where(...)}, as the viewer:
 * {@code recordsOfCurrentUser()}) and the list shows the same number.
 *
 * @param fieldId a field of the form, or {@code created_at} / {@code updated_at}
 * @param operator one of the shapes above
 * @param values the values (simple Java types: String, Long, LocalDate, ...), none for the empty checks
 */
public record ListFilter(String fieldId, FilterOperator operator, List<Object> values) {

    public ListFilter {
        Objects.requireNonNull(fieldId, "fieldId");
        Objects.requireNonNull(operator, "operator");
        values = List.copyOf(values);
    }

    public static ListFilter of(String fieldId, FilterOperator operator, Object... values) {
        return new ListFilter(fieldId, operator, Arrays.asList(values));
    }
}
