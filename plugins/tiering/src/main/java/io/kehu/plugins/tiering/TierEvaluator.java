package io.kehu.plugins.tiering;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.forms.FieldInfo;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.PluginRecords;
import io.kehu.sdk.scripts.PluginScripts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The dry run: reads every customer (id, version, level and the fields the scheme compares) as one stream, lets the
 * database total each customer's purchases of the period ({@code GROUP BY customer}), scores RFM quintiles and gives
 * each customer a level by thresholds or by the scheme's rule. Reads only; writes nothing.
 */
final class TierEvaluator {

    static final String CUSTOMER = "customer";
    static final String PURCHASE = "purchase";
    private static final int CHECK_EVERY = 10_000;

    private final PluginContext context;
    private final PluginRecords records;

    TierEvaluator(PluginContext context) {
        this.context = context;
        this.records = context.records();
    }

    Preview evaluate(TierScheme scheme, Period period, Progress progress, BooleanSupplier cancelled) {
        checkTargetField(scheme);
        PluginScripts.Script rule = scheme.ruleBased()
                ? context.scripts().compile(TieringForms.METRICS, scheme.rule()) : null;
        List<String> fields = new ArrayList<>();
        fields.add(scheme.field());
        fields.addAll(scheme.customerFields());
        long total = records.aggregate(CUSTOMER).count().list().get(0).count();
        progress.report(0, total, "customers");

        Customers customers = new Customers((int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, total)));
        records.search(CUSTOMER).fields(fields.toArray(String[]::new)).forEach(c -> {
            customers.add(c.id(), c.rowVersion(), (String) c.get(scheme.field()),
                    fields.size() > 1 ? c.values() : null);
            if (customers.size % CHECK_EVERY == 0) {
                stopIf(cancelled);
                progress.report(customers.size / 3, total, "customers");
            }
        });
        int n = customers.size;
        BigDecimal[] spend = new BigDecimal[n];
        long[] counts = new long[n];
        boolean[] bought = new boolean[n];
        LocalDate[] last = new LocalDate[n];
        int[] cursor = {0};
        long[] groups = {0};
        records.aggregate(PURCHASE)
                .where("purchased_on", FilterOperator.BETWEEN, period.from(), period.to())
                .groupBy(CUSTOMER).sum("amount").count().max("purchased_on")
                .forEach(row -> {
                    Object id = row.group(CUSTOMER);
                    if (id == null) {
                        return;
                    }
                    int i = customers.indexOf((Long) id, cursor[0]);
                    if (i >= 0) {
                        cursor[0] = i;
                        spend[i] = row.sum("amount") == null ? BigDecimal.ZERO : row.sum("amount");
                        counts[i] = row.count();
                        bought[i] = true;
                        last[i] = (LocalDate) row.max("purchased_on");
                    }
                    if (++groups[0] % CHECK_EVERY == 0) {
                        stopIf(cancelled);
                        progress.report(n / 3 + Math.min(n, groups[0]) / 3, total, "purchases");
                    }
                });
        stopIf(cancelled);
        long[] recency = new long[n];
        boolean[] dated = new boolean[n];
        for (int i = 0; i < n; i++) {
            Long days = CustomerMetrics.recency(last[i], period);
            recency[i] = days == null ? 0 : days;
            dated[i] = days != null;
        }
        int[] r = RfmScores.recency(recency, dated);
        int[] f = RfmScores.frequency(counts, bought);
        int[] m = RfmScores.monetary(spend);

        // The metrics object of each customer lives only while its level is decided; the preview keeps columns.
        String[] levels = new String[n];
        for (int i = 0; i < n; i++) {
            CustomerMetrics metrics = new CustomerMetrics(customers.ids[i], customers.versions[i],
                    customers.levels[i], spend[i] == null ? BigDecimal.ZERO : spend[i],
                    counts[i], last[i], dated[i] ? recency[i] : null, r[i], f[i], m[i],
                    customers.fields == null ? null : customers.fields[i]);
            String level = rule == null ? scheme.byThresholds(metrics) : byRule(scheme, rule, metrics);
            levels[i] = level.intern();
            if ((i + 1) % CHECK_EVERY == 0) {
                stopIf(cancelled);
                progress.report(2L * n / 3 + (i + 1) / 3, total, "levels");
            }
        }
        Preview preview = new Preview(scheme, period, new Preview.Columns(n, customers.ids, customers.versions,
                customers.levels, levels, spend, counts, last, r, f, m, customers.fields));
        progress.report(total, total, "done");
        return preview;
    }

    private static String byRule(TierScheme scheme, PluginScripts.Script rule, CustomerMetrics metrics) {
        Object result = rule.evaluate(metrics.asRecord());
        if (result == null || scheme.rank(result.toString()) < 0) {
            throw new IllegalStateException("The rule of scheme " + scheme.id() + " returned '" + result
                    + "' for customer " + metrics.customerId() + "; it must return one of "
                    + scheme.levels().stream().map(TierLevel::code).toList());
        }
        return result.toString();
    }

    /** The level is written to a select field; every level code must be one of its options. */
    private void checkTargetField(TierScheme scheme) {
        FieldInfo field = context.definitions().form(CUSTOMER)
                .flatMap(f -> f.field(scheme.field()))
                .orElseThrow(() -> new IllegalArgumentException("The customer form has no field '" + scheme.field()
                        + "' for scheme " + scheme.id()));
        List<String> missing = scheme.levels().stream().map(TierLevel::code)
                .filter(code -> !field.options().contains(code)).toList();
        if (!"select".equals(field.type()) || !missing.isEmpty()) {
            throw new IllegalArgumentException("Scheme " + scheme.id() + " writes levels " + missing
                    + " to customer field '" + scheme.field() + "', whose options are " + field.options()
                    + ". Add these options to the field (form designer) or choose another field for the scheme.");
        }
    }

    private static void stopIf(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new EvaluationCancelledException("The evaluation");
        }
    }

    /** The customers as parallel arrays, in id order (a million objects less than a list of records). */
    private static final class Customers {
        long[] ids;
        int[] versions;
        String[] levels;
        Map<String, Object>[] fields;
        int size;

        Customers(int capacity) {
            ids = new long[capacity];
            versions = new int[capacity];
            levels = new String[capacity];
        }

        @SuppressWarnings("unchecked")
        void add(long id, int version, String level, Map<String, Object> values) {
            if (size == ids.length) {
                int grown = size * 2;
                ids = Arrays.copyOf(ids, grown);
                versions = Arrays.copyOf(versions, grown);
                levels = Arrays.copyOf(levels, grown);
                if (fields != null) {
                    fields = Arrays.copyOf(fields, grown);
                }
            }
            if (values != null && fields == null) {
                fields = new Map[ids.length];
            }
            ids[size] = id;
            versions[size] = version;
            levels[size] = level == null ? null : level.intern();
            if (values != null) {
                fields[size] = new HashMap<>(values);
            }
            size++;
        }

        /** The index of {@code id}, looking forward from {@code from} (both streams come in id order). */
        int indexOf(long id, int from) {
            int i = Arrays.binarySearch(ids, from, size, id);
            return i >= 0 ? i : -1;
        }
    }
}
