package io.kehu.platform.metrics.internal;

import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormTables;
import io.kehu.platform.metrics.MetricDefinition;
import io.kehu.platform.metrics.MetricDefinition.Function;
import io.kehu.platform.metrics.MetricDefinition.Measure;
import io.kehu.platform.metrics.MetricRequest;
import io.kehu.platform.metrics.MetricResult;
import io.kehu.platform.metrics.MetricValue;
import io.kehu.platform.metrics.Period;
import io.kehu.platform.records.BulkRecords;
import io.kehu.platform.records.RecordAggregation;
import io.kehu.platform.records.RecordQuery.Filter;
import io.kehu.platform.records.RecordQuery.Operator;
import io.kehu.platform.security.Actor;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes requests that share a form, filters, groups and periods with ONE {@link BulkRecords#aggregate} — so with
 * the viewer's permissions, in the database — and gives every value the list-view filters of the records behind it.
 * Each request adds its measures (named {@code <index>}, {@code <index>n} for the number of records and, for a ratio,
 * {@code <index>d} for the denominator) to the shared aggregation; periods are segments.
 */
public final class MetricQuery {

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private final BulkRecords bulk;
    private final FormDefinition form;
    private final ZoneId zone;
    private final java.util.function.Function<String, java.util.Optional<FormDefinition>> published;

    /** @param published the published forms (the owner filter follows a reference to its form's owner) */
    public MetricQuery(BulkRecords bulk, FormDefinition form, ZoneId zone,
                       java.util.function.Function<String, java.util.Optional<FormDefinition>> published) {
        this.bulk = bulk;
        this.published = published;
        this.form = form;
        this.zone = zone;
    }

    /** The key under which requests can share one query. */
    public static List<Object> batchKey(MetricRequest r) {
        MetricDefinition m = r.metric();
        return List.of(m.form(), m.filters(), r.grouped() ? m.groupBy() : List.of(),
                m.time() == null ? "" : m.time().field(), r.effectivePeriods(), r.scope());
    }

    /** Computes {@code requests} (all with the same {@link #batchKey}) as {@code actor}. */
    public List<MetricResult> compute(Actor actor, List<MetricRequest> requests) {
        MetricRequest first = requests.get(0);
        MetricDefinition shape = first.metric();
        List<String> groupBy = first.grouped() ? shape.groupBy() : List.of();
        List<Period> periods = first.effectivePeriods();
        RecordAggregation aggregation = new RecordAggregation(form.id(), filters(first), groupBy, List.of(),
                periods.stream().map(p -> periodFilters(shape, p)).toList());
        for (int i = 0; i < requests.size(); i++) {
            for (RecordAggregation.Measure m : measures(i, requests.get(i).metric().measure())) {
                aggregation = aggregation.measure(m);
            }
        }
        List<Map<MetricResult.Key, MetricValue>> values = new ArrayList<>();
        requests.forEach(r -> values.add(new LinkedHashMap<>()));
        bulk.aggregate(actor, aggregation, row -> {
            int period = periods.isEmpty() ? 0 : (Integer) row.groups().get(RecordAggregation.SEGMENT);
            List<Object> groups = new ArrayList<>();
            groupBy.forEach(g -> groups.add(row.groups().get(g)));
            for (int i = 0; i < requests.size(); i++) {
                values.get(i).put(new MetricResult.Key(period, groups),
                        value(requests.get(i), period, groups, i, row.measures()));
            }
        });
        List<MetricResult> results = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            MetricRequest r = requests.get(i);
            int index = i;
            results.add(new MetricResult(r, values.get(i), (period, groups) -> value(r, period, groups, index,
                    Map.of())));
        }
        return results;
    }

    private static List<RecordAggregation.Measure> measures(int index, Measure measure) {
        List<RecordAggregation.Measure> all = new ArrayList<>();
        if (measure.function() == Function.RATIO) {
            all.add(aggregate(measure.numerator(), String.valueOf(index)));
            all.add(aggregate(measure.denominator(), index + "d"));
            all.add(count(measure.denominator(), index + "n"));
        } else {
            all.add(aggregate(measure, String.valueOf(index)));
            if (measure.function() != Function.COUNT) {
                all.add(count(measure, index + "n"));
            }
        }
        return all;
    }

    private static RecordAggregation.Measure aggregate(Measure m, String name) {
        RecordAggregation.Function f = RecordAggregation.Function.valueOf(m.function().name());
        return new RecordAggregation.Measure(f, m.field(), m.since(), m.filters(), name, m.percentile());
    }

    /** The number of records a measure is computed from: its filters, and its field(s) not empty. */
    private static RecordAggregation.Measure count(Measure m, String name) {
        return new RecordAggregation.Measure(RecordAggregation.Function.COUNT, null, null, nFilters(m), name);
    }

    private static List<Filter> nFilters(Measure m) {
        List<Filter> filters = new ArrayList<>(m.filters());
        if (m.field() != null) {
            filters.add(Filter.of(m.field(), Operator.IS_NOT_EMPTY));
        }
        if (m.since() != null) {
            filters.add(Filter.of(m.since(), Operator.IS_NOT_EMPTY));
        }
        return filters;
    }

    private MetricValue value(MetricRequest r, int period, List<Object> groups, int index,
                              Map<String, Object> measures) {
        MetricDefinition metric = r.metric();
        Measure measure = metric.measure();
        List<Filter> base = filters(r);
        if (!r.effectivePeriods().isEmpty()) {
            base.addAll(periodFilters(metric, r.effectivePeriods().get(period)));
        }
        List<String> groupBy = r.grouped() ? metric.groupBy() : List.of();
        for (int g = 0; g < groupBy.size(); g++) {
            base.add(groupFilter(groupBy.get(g), groups.get(g)));
        }
        Object raw = measures.get(String.valueOf(index));
        long n;
        BigDecimal value;
        List<Filter> drill;
        List<Filter> nDrill;
        if (measure.function() == Function.RATIO) {
            n = number(measures.get(index + "n")).longValue();
            BigDecimal denominator = number(measures.get(index + "d"));
            BigDecimal numerator = number(raw);
            value = denominator.signum() == 0 ? null : numerator.divide(denominator, 6, RoundingMode.HALF_UP);
            drill = DrillFilters.merge(base, nFilters(measure.numerator()));
            nDrill = DrillFilters.merge(base, nFilters(measure.denominator()));
        } else if (measure.function() == Function.COUNT) {
            value = number(raw);
            n = value.longValue();
            drill = DrillFilters.merge(base, measure.filters());
            nDrill = drill;
        } else {
            n = number(measures.get(index + "n")).longValue();
            value = raw == null ? null : raw instanceof BigDecimal d ? d : raw instanceof Number num
                    ? new BigDecimal(num.toString()) : null;
            if (value != null && measure.duration()) {
                value = value.divide(SECONDS_PER_HOUR, 6, RoundingMode.HALF_UP);
            }
            drill = DrillFilters.merge(base, nFilters(measure));
            nDrill = drill;
        }
        boolean hidden = n < metric.minimumN() && measure.function() == Function.RATIO;
        return new MetricValue(hidden ? null : value, n, drill, nDrill, hidden);
    }

    /**
     * Period {@code period} (and {@code groups}, none for an ungrouped request) as reported in {@code snapshot}: its
     * stored figure and n, with the drill-through filters of the period and groups (which list today's records).
     */
    public MetricValue reported(MetricRequest r, int period, List<Object> groups,
                                io.kehu.platform.metrics.MetricSnapshot snapshot) {
        MetricValue shape = value(r, period, groups, 0, Map.of());
        boolean hidden = r.metric().measure().function() == Function.RATIO && snapshot.n() < r.metric().minimumN();
        return new MetricValue(hidden ? null : snapshot.value(), snapshot.n(), shape.drill(), shape.nDrill(), hidden);
    }

    /** The value of a period and groups without records (a count of 0, no average), with its drill-through. */
    public MetricValue empty(MetricRequest r, int period, List<Object> groups) {
        return value(r, period, groups, 0, Map.of());
    }

    /** The records that count at all: the metric's filters and the dashboard's global ones on this form. */
    private List<Filter> filters(MetricRequest r) {
        List<Filter> filters = new ArrayList<>(r.metric().filters());
        filters.addAll(r.scope().filtersOn(form, published));
        return filters;
    }

    private static BigDecimal number(Object raw) {
        return raw == null ? BigDecimal.ZERO : raw instanceof BigDecimal d ? d : new BigDecimal(raw.toString());
    }

    /** The filters of {@code period} on the metric's time field, as the list view's date filters make them. */
    List<Filter> periodFilters(MetricDefinition metric, Period period) {
        String field = metric.time().field();
        boolean date = form.field(field).map(f -> f.storedType() == FieldType.DATE).orElse(false)
                && !FormTables.CREATED_AT.equals(field) && !FormTables.UPDATED_AT.equals(field);
        if (date) {
            return List.of(Filter.of(field, Operator.GREATER_OR_EQUAL, period.start()),
                    Filter.of(field, Operator.LESS_OR_EQUAL, period.lastDay()));
        }
        return List.of(Filter.of(field, Operator.GREATER_OR_EQUAL, period.start().atStartOfDay(zone)
                        .toOffsetDateTime()),
                Filter.of(field, Operator.LESS, period.end().atStartOfDay(zone).toOffsetDateTime()));
    }

    private Filter groupFilter(String field, Object value) {
        if (value == null) {
            return Filter.of(field, Operator.IS_EMPTY);
        }
        FieldType type = form.field(field).map(io.kehu.platform.forms.FieldDefinition::storedType).orElseThrow();
        return type == FieldType.SELECT || type == FieldType.USER ? Filter.of(field, Operator.IN, value)
                : Filter.of(field, Operator.EQUALS, value);
    }

}
