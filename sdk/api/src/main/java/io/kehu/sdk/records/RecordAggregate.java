package io.kehu.sdk.records;

import java.util.List;
import java.util.function.Consumer;

/**
 * Totals over a form's records, computed by the database ({@code GROUP BY}) with the reader's permissions: only
 * records the reader may see are counted, and only fields the reader may read can be filtered, grouped or measured.
 * Built step by step like a {@link RecordSearch}; {@link #forEach} streams the groups without holding them all.
 *
 * <pre>{@code
 * context.records().aggregate("purchase")
 *         .where("purchased_on", FilterOperator.BETWEEN, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))
 *         .groupBy("customer")
 *         .sum("amount").count().max("purchased_on")
 *         .forEach(row -> spent.put((Long) row.group("customer"), row.sum("amount")));
 * }</pre>
 *
 * Money fields are summed, averaged and compared by their amount (keep one currency per form, or group by it).
 */
public interface RecordAggregate {

    /** Adds a filter (the same operators and value conversion as {@link RecordSearch#where}). */
    RecordAggregate where(String fieldId, FilterOperator operator, Object... values);

    /** Groups by these fields (not multiselect); without groups there is one row over all matching records. */
    RecordAggregate groupBy(String... fieldIds);

    /** Measures the number of records per group ({@link AggregateRow#count()}). */
    RecordAggregate count();

    /**
     * Measures the number of records per group that also match one more filter, under {@code name} (SQL
     * {@code COUNT(*) FILTER (WHERE ...)}): several conditional counts in ONE query, e.g. a campaign's links sent,
     * opened and answered ({@code countWhere("opened", "opened_at", IS_NOT_EMPTY)}), read with
     * {@link AggregateRow#count(String)}. The filter takes the operators and values of {@link #where}.
     *
     * @param name the measure's key, {@code [a-z][a-z0-9_]*}, unique within the aggregate
     */
    RecordAggregate countWhere(String name, String fieldId, FilterOperator operator, Object... values);

    /** Measures the sum of a number or money field ({@link AggregateRow#sum(String)}). */
    RecordAggregate sum(String fieldId);

    /** Measures the average of a number or money field ({@link AggregateRow#avg(String)}). */
    RecordAggregate avg(String fieldId);

    /** Measures the smallest value of a field ({@link AggregateRow#min(String)}). */
    RecordAggregate min(String fieldId);

    /** Measures the largest value of a field ({@link AggregateRow#max(String)}). */
    RecordAggregate max(String fieldId);

    /**
     * Adds a named measure with filters of its own ({@link Measure}): several windows of the same records in one
     * pass ({@link AggregateRow#measure(String)}, {@link AggregateRow#count(String)}).
     *
     * @throws RecordException INVALID when two measures have the same name
     */
    RecordAggregate measure(Measure measure);

    /** Streams every group to {@code each}, in the order of the group values; rows are not kept in memory. */
    void forEach(Consumer<AggregateRow> each);

    /** Every group as a list: for few groups (at most 10,000, else use {@link #forEach}). */
    List<AggregateRow> list();
}
