package io.kehu.plugins.churn;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.forms.FieldInfo;
import io.kehu.sdk.forms.FormInfo;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.ui.ListFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Churn and retention rate of the customers by tier ({@code level}), region and account manager: per group the
 * customers the viewer may see (n) and those marked lost by the training label ({@code lifecycle_stage = lost} by
 * default), one {@code GROUP BY} per dimension with a filtered count. A rate over fewer than {@link #MINIMUM_N}
 * customers is not shown (as the dashboards' {@code minimumN}): "3 of 4 left" is an anecdote, not a rate. Each count
 * carries the list-view filters behind it, so it opens exactly those customers.
 */
final class RetentionRates {

    /** Fewer customers than this in a group: its rates read "too few" with the n. */
    static final int MINIMUM_N = 5;
    /** The dimensions, in the order shown: tier, region, account manager (the customer form's owner). */
    static final List<String> DIMENSIONS = List.of("level", "region", "account_manager");

    /** One group: its value (null = not filled in), customers and lost customers. */
    record Row(Object value, long customers, long lost) {

        boolean enough() {
            return customers >= MINIMUM_N;
        }

        double churnRate() {
            return customers == 0 ? 0 : (double) lost / customers;
        }
    }

    /** A dimension's groups, most customers first. */
    record Dimension(FieldInfo field, List<Row> rows) {
    }

    private final String labelField;
    private final String labelValue;

    RetentionRates(String label) {
        int eq = label.indexOf('=');
        this.labelField = label.substring(0, Math.max(0, eq));
        this.labelValue = label.substring(eq + 1);
    }

    /** The dimensions the customer form has (and the label field it needs), computed as the viewer may see them. */
    List<Dimension> compute(PluginContext context) {
        Optional<FormInfo> customer = context.definitions().form(FeatureExtractor.CUSTOMER);
        if (customer.isEmpty() || customer.get().field(labelField).isEmpty()) {
            return List.of();
        }
        List<Dimension> out = new ArrayList<>();
        for (String dimension : DIMENSIONS) {
            Optional<FieldInfo> field = customer.get().field(dimension);
            if (field.isEmpty() || dimension.equals(labelField)) {
                continue;
            }
            List<Row> rows = new ArrayList<>();
            context.recordsOfCurrentUser().aggregate(FeatureExtractor.CUSTOMER).groupBy(dimension).count()
                    .countWhere("lost", labelField, FilterOperator.EQUALS, labelValue)
                    .forEach(r -> rows.add(new Row(r.group(dimension), r.count(), r.count("lost"))));
            rows.sort((a, b) -> Long.compare(b.customers(), a.customers()));
            out.add(new Dimension(field.get(), rows));
        }
        return out;
    }

    /** The customers of a group (the n). */
    List<ListFilter> customers(String dimension, Object value) {
        return Drill.group(dimension, value);
    }

    /** The lost customers of a group. */
    List<ListFilter> lost(String dimension, Object value) {
        return Drill.and(Drill.group(dimension, value), ListFilter.of(labelField, FilterOperator.IN, labelValue));
    }
}
