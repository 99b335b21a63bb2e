package io.kehu.sdk.records;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One group of a {@link RecordAggregate}: its group values and its measures. Values have the types of
 * {@link PluginRecords} (a reference is its {@code Long} id); sums and averages are {@code BigDecimal}, counts
 * {@code Long}; a measure over no values (e.g. the sum of an empty field) is {@code null}.
 *
 * @param groups field id → group value
 * @param measures measure key ({@code count}, {@code sum:amount}, {@code max:purchased_on}, ..., or a
 *                 {@link Measure}'s name) → value
 */
public record AggregateRow(Map<String, Object> groups, Map<String, Object> measures) {

    public AggregateRow {
        groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        measures = Collections.unmodifiableMap(new LinkedHashMap<>(measures));
    }

    /** The group value of {@code fieldId}. */
    public Object group(String fieldId) {
        return groups.get(fieldId);
    }

    /** The number of records in the group (0 when {@link RecordAggregate#count()} was not asked for). */
    public long count() {
        return measures.get("count") instanceof Number n ? n.longValue() : 0L;
    }

    /** The value of the named {@link Measure} ({@code null} when no record of the group matched its filters). */
    public Object measure(String name) {
        return measures.get(name);
    }

    /**
     * The value of the named {@link Measure#count}, or of a {@link RecordAggregate#countWhere} under {@code name}
     * (0 when no record of the group matched its filters).
     */
    public long count(String name) {
        return measures.get(name) instanceof Number n ? n.longValue() : 0L;
    }

    public BigDecimal sum(String fieldId) {
        return (BigDecimal) measures.get("sum:" + fieldId);
    }

    public BigDecimal avg(String fieldId) {
        return (BigDecimal) measures.get("avg:" + fieldId);
    }

    public Object min(String fieldId) {
        return measures.get("min:" + fieldId);
    }

    public Object max(String fieldId) {
        return measures.get("max:" + fieldId);
    }
}
