package io.kehu.platform.metrics.internal;

import io.kehu.platform.records.RecordQuery.Filter;
import io.kehu.platform.records.RecordQuery.Operator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filters behind a value in the shapes the list view's filter bar shows (one row per field): "in" lists on the
 * same field intersected, "is not empty" dropped where a comparison already implies it. {@code null} when the
 * filters cannot hold together (an empty "in"): no record is behind the value, so there is nothing to open.
 */
final class DrillFilters {

    private DrillFilters() {
    }

    static List<Filter> merge(List<Filter> base, List<Filter> more) {
        Map<String, List<Filter>> byColumn = new LinkedHashMap<>();
        for (Filter f : base) {
            byColumn.computeIfAbsent(f.column(), c -> new ArrayList<>()).add(f);
        }
        for (Filter f : more) {
            byColumn.computeIfAbsent(f.column(), c -> new ArrayList<>()).add(f);
        }
        List<Filter> merged = new ArrayList<>();
        for (Map.Entry<String, List<Filter>> column : byColumn.entrySet()) {
            List<Filter> fs = column.getValue();
            if (fs.stream().anyMatch(f -> f.operator() == Operator.IS_EMPTY)) {
                if (fs.stream().anyMatch(f -> f.operator() != Operator.IS_EMPTY)) {
                    return null; // empty and something else at once
                }
                merged.add(fs.get(0));
                continue;
            }
            boolean compared = fs.stream().anyMatch(f -> f.operator() != Operator.IS_NOT_EMPTY);
            List<Object> in = null;
            for (Filter f : fs) {
                if (f.operator() == Operator.IS_NOT_EMPTY) {
                    continue;
                }
                if (f.operator() == Operator.IN) {
                    List<Object> values = f.values().stream().map(String::valueOf).map(v -> (Object) v).toList();
                    in = in == null ? new ArrayList<>(values) : new ArrayList<>(in.stream()
                            .filter(values::contains).toList());
                } else if (merged.stream().noneMatch(m -> m.column().equals(f.column())
                        && m.operator() == f.operator())) {
                    merged.add(f);
                }
            }
            if (in != null) {
                if (in.isEmpty()) {
                    return null;
                }
                merged.add(new Filter(column.getKey(), Operator.IN, in));
            }
            if (!compared) {
                merged.add(Filter.of(column.getKey(), Operator.IS_NOT_EMPTY));
            }
        }
        return merged;
    }
}
