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

    /** Where a value sits: a period index and the group values. */
    public record Key(int period, List<Object> groups) {
    }

    public MetricResult(MetricRequest request, Map<Key, MetricValue> values,
                 BiFunction<Integer, List<Object>, MetricValue> empty) {
        this.request = request;
        this.values = new LinkedHashMap<>(values);
        this.empty = empty;
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
