package io.kehu.platform.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A metric computed for a request: one value per period and group (periods by index into the request's periods, 0
 * for a metric without time field; groups as typed values, {@code null} for "empty"). Combinations without records
 * still have a value (a count of 0, no average) and their drill-through filters.
 */
public final class MetricResult {

    private final MetricRequest request;
    private final Map<Key, MetricValue> values;
    private final BiFunction<Integer, List<Object>, MetricValue> empty;
    private final Integer reportedVersion;

    /** Where a value sits: a period index and the group values. */
    public record Key(int period, List<Object> groups) {
    }

    public MetricResult(MetricRequest request, Map<Key, MetricValue> values,
                 BiFunction<Integer, List<Object>, MetricValue> empty) {
        this(request, values, empty, null);
    }

    /**
     * @param reportedVersion the definition version whose stored figures give the closed periods, or {@code null}
     *                        when every value is computed from today's records
     */
    public MetricResult(MetricRequest request, Map<Key, MetricValue> values,
                 BiFunction<Integer, List<Object>, MetricValue> empty, Integer reportedVersion) {
        this.request = request;
        this.values = new LinkedHashMap<>(values);
        this.empty = empty;
        this.reportedVersion = reportedVersion;
    }

    /**
     * The definition version that produced the closed periods' stored figures ({@link Metrics#computeReported}), or
     * {@code null} when all values are live.
     */
    public Integer reportedVersion() {
        return reportedVersion;
    }

    /** Whether the period and groups had records (or a stored figure), rather than an empty combination's value. */
    public boolean hasValue(int period, List<Object> groups) {
        return values.containsKey(new Key(period, groups));
    }

    public MetricRequest request() {
        return request;
    }

    public MetricDefinition metric() {
        return request.metric();
    }

    /** The groups found, in the database's order (empty last); one empty list when the request is not grouped. */
    public List<List<Object>> groups() {
        LinkedHashSet<List<Object>> groups = new LinkedHashSet<>();
        values.keySet().forEach(k -> groups.add(k.groups()));
        if (groups.isEmpty() && (!request.grouped() || metric().groupBy().isEmpty())) {
            groups.add(List.of());
        }
        return new ArrayList<>(groups);
    }

    /** The value of {@code period} (index) and {@code groups}. */
    public MetricValue value(int period, List<Object> groups) {
        MetricValue v = values.get(new Key(period, groups));
        return v != null ? v : empty.apply(period, groups);
    }

    /** The value of an ungrouped request's {@code period}. */
    public MetricValue value(int period) {
        return value(period, List.of());
    }
}
