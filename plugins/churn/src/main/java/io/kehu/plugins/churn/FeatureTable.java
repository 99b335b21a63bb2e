package io.kehu.plugins.churn;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every customer's churn features, column by column (a million customers are arrays, not a million objects): the
 * archive measures of {@link #BASE} as doubles ({@code NaN} = not known, e.g. no usual interval with one purchase),
 * the customer fields the admin picked as their raw values, the owner and the training label when there is one.
 */
final class FeatureTable {

    /** The archive measures, also the fields of the {@code churn_features} form that rules see as {@code record}. */
    static final List<String> BASE = List.of("recency_days", "usual_interval_days", "overdue_ratio", "purchase_count",
            "total_spend", "purchases_90d", "spend_trend", "complaints_90d", "tenure_days",
            // from the other plugins when installed (PluginSignals), else unknown
            "satisfaction", "satisfaction_drop", "nps", "overdue_visits", "loyalty_activity_90d", "tier_drops_365d");

    /** Measures that are whole numbers (shown and handed to rules as integers). */
    static final List<String> WHOLE = List.of("recency_days", "usual_interval_days", "purchase_count", "purchases_90d",
            "complaints_90d", "tenure_days", "overdue_visits", "loyalty_activity_90d", "tier_drops_365d");

    final List<String> fieldIds;
    int size;
    long[] ids;
    Long[] owners;
    /** The customer's tier ({@code level}) and region as stored, for the warning list's filters; null when none. */
    String[] tiers;
    String[] regions;
    double[][] base;
    Object[][] fields;
    /** 1 = left, 0 = stayed; {@code null} when no label was read. */
    byte[] labels;
    /** Rows that are not training examples (e.g. not yet a customer at the cut-off); {@code null} when none. */
    boolean[] excluded;

    FeatureTable(List<String> fieldIds, int capacity) {
        this.fieldIds = List.copyOf(fieldIds);
        int c = Math.max(16, capacity);
        ids = new long[c];
        owners = new Long[c];
        tiers = new String[c];
        regions = new String[c];
        base = new double[BASE.size()][c];
        for (double[] column : base) {
            Arrays.fill(column, Double.NaN);
        }
        fields = new Object[fieldIds.size()][c];
    }

    /** Appends a customer (ids must come in ascending order, as {@code search().forEach} delivers them). */
    int add(long id, Long owner, Map<String, Object> values) {
        if (size == ids.length) {
            int grown = size * 2;
            ids = Arrays.copyOf(ids, grown);
            owners = Arrays.copyOf(owners, grown);
            tiers = Arrays.copyOf(tiers, grown);
            regions = Arrays.copyOf(regions, grown);
            for (int j = 0; j < base.length; j++) {
                int old = base[j].length;
                base[j] = Arrays.copyOf(base[j], grown);
                Arrays.fill(base[j], old, grown, Double.NaN);
            }
            for (int j = 0; j < fields.length; j++) {
                fields[j] = Arrays.copyOf(fields[j], grown);
            }
            if (labels != null) {
                labels = Arrays.copyOf(labels, grown);
            }
            if (excluded != null) {
                excluded = Arrays.copyOf(excluded, grown);
            }
        }
        ids[size] = id;
        owners[size] = owner;
        for (int j = 0; j < fieldIds.size(); j++) {
            fields[j][size] = values == null ? null : values.get(fieldIds.get(j));
        }
        return size++;
    }

    /** The row of customer {@code id}, or -1. */
    int indexOf(long id) {
        int i = Arrays.binarySearch(ids, 0, size, id);
        return i >= 0 ? i : -1;
    }

    void set(int row, String measure, double value) {
        base[BASE.indexOf(measure)][row] = value;
    }

    double get(int row, String measure) {
        return base[BASE.indexOf(measure)][row];
    }

    void label(int row, boolean left) {
        if (labels == null) {
            labels = new byte[ids.length];
        }
        labels[row] = (byte) (left ? 1 : 0);
    }

    /** Leaves customer {@code row} out of training (it stays in the table). */
    void exclude(int row) {
        if (excluded == null) {
            excluded = new boolean[ids.length];
        }
        excluded[row] = true;
    }

    boolean isExcluded(int row) {
        return excluded != null && excluded[row];
    }

    /** One customer's measures as {@code churn_features} values (integers as Long, ratios as BigDecimal, unknown absent). */
    Map<String, Object> record(int row) {
        Map<String, Object> record = new LinkedHashMap<>();
        for (int j = 0; j < BASE.size(); j++) {
            double v = base[j][row];
            if (Double.isNaN(v)) {
                record.put(BASE.get(j), null);
            } else if (WHOLE.contains(BASE.get(j))) {
                record.put(BASE.get(j), Math.round(v));
            } else {
                record.put(BASE.get(j), java.math.BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP));
            }
        }
        return record;
    }

    /**
     * One customer's measures as the JSON object {@link #record} gives through the JSON writer (integers whole, ratios
     * with two decimals, unknown ones left out), written directly: a million score rows a night should not pay for a
     * map, boxed decimals and a serializer each.
     */
    String json(int row) {
        StringBuilder out = new StringBuilder(256).append('{');
        for (int j = 0; j < BASE.size(); j++) {
            double v = base[j][row];
            if (Double.isNaN(v)) {
                continue;
            }
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(BASE.get(j)).append("\":");
            long hundredths = Math.round(v * 100);
            if (WHOLE.contains(BASE.get(j))) {
                out.append(Math.round(v));
            } else {
                if (hundredths < 0) {
                    out.append('-');
                    hundredths = -hundredths;
                }
                long cents = hundredths % 100;
                out.append(hundredths / 100).append('.').append(cents < 10 ? "0" : "").append(cents);
            }
        }
        return out.append('}').toString();
    }

    /** One customer's picked fields, field id → raw value. */
    Map<String, Object> fieldValues(int row) {
        Map<String, Object> values = new HashMap<>();
        for (int j = 0; j < fieldIds.size(); j++) {
            values.put(fieldIds.get(j), fields[j][row]);
        }
        return values;
    }
}
