package io.kehu.plugins.churn;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link FeatureTable} row into the model's inputs: each archive measure as a number, each picked customer
 * field as a number when all its values are numbers, else one 0/1 input per value ("Contract = Month-to-month"; the
 * 20 most frequent values, the rest together with "empty" count as none of them). Each input is then standardised
 * with the training rows' mean and standard deviation, and an unknown number becomes the mean: it adds nothing to
 * the score, so a missing value is never a reason.
 *
 * @param inputs the input names: a measure ({@code recency_days}), {@code field:<id>} or {@code field:<id>=<value>}
 * @param means the training mean of each input
 * @param sds the training standard deviation of each input (1 when constant)
 */
record Encoder(List<String> inputs, double[] means, double[] sds) {

    static final int MAX_VALUES = 20;

    /** Chooses the inputs and their scaling from the rows {@code rows} of {@code table}. */
    static Encoder fit(FeatureTable table, int[] rows) {
        List<String> inputs = new ArrayList<>(FeatureTable.BASE);
        for (int j = 0; j < table.fieldIds.size(); j++) {
            String id = table.fieldIds.get(j);
            Map<String, Integer> counts = new HashMap<>();
            boolean numeric = true;
            boolean any = false;
            for (int i : rows) {
                Object v = table.fields[j][i];
                if (v == null || v.toString().isBlank()) {
                    continue;
                }
                any = true;
                numeric &= number(v) != null;
                counts.merge(text(v), 1, Integer::sum);
            }
            if (!any) {
                continue;
            }
            if (numeric && counts.size() > 2) {
                inputs.add("field:" + id);
            } else {
                counts.entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                                .thenComparing(Map.Entry.comparingByKey()))
                        .limit(MAX_VALUES).map(Map.Entry::getKey).sorted(Comparator.naturalOrder())
                        .forEach(value -> inputs.add("field:" + id + "=" + value));
            }
        }
        Encoder raw = new Encoder(inputs, new double[inputs.size()], filled(inputs.size()));
        double[] sum = new double[inputs.size()];
        double[] sumSq = new double[inputs.size()];
        long[] n = new long[inputs.size()];
        double[] x = new double[inputs.size()];
        for (int i : rows) {
            raw.rawInto(table, i, x);
            for (int k = 0; k < x.length; k++) {
                if (!Double.isNaN(x[k])) {
                    sum[k] += x[k];
                    sumSq[k] += x[k] * x[k];
                    n[k]++;
                }
            }
        }
        double[] means = new double[inputs.size()];
        double[] sds = new double[inputs.size()];
        for (int k = 0; k < means.length; k++) {
            means[k] = n[k] == 0 ? 0 : sum[k] / n[k];
            double variance = n[k] == 0 ? 0 : sumSq[k] / n[k] - means[k] * means[k];
            sds[k] = variance > 1e-12 ? Math.sqrt(variance) : 1;
        }
        return new Encoder(inputs, means, sds);
    }

    /** The standardised inputs of one row into {@code x} (unknown → 0, i.e. the mean). */
    void into(FeatureTable table, int row, double[] x) {
        rawInto(table, row, x);
        for (int k = 0; k < x.length; k++) {
            x[k] = Double.isNaN(x[k]) ? 0 : (x[k] - means[k]) / sds[k];
        }
    }

    /** The inputs before scaling; {@code NaN} for an unknown number. */
    void rawInto(FeatureTable table, int row, double[] x) {
        for (int k = 0; k < inputs.size(); k++) {
            String input = inputs.get(k);
            if (!input.startsWith("field:")) {
                x[k] = table.get(row, input);
                continue;
            }
            int eq = input.indexOf('=');
            String id = input.substring("field:".length(), eq < 0 ? input.length() : eq);
            int j = table.fieldIds.indexOf(id);
            Object v = j < 0 ? null : table.fields[j][row];
            if (eq < 0) {
                Double d = v == null ? null : number(v);
                x[k] = d == null ? Double.NaN : d;
            } else {
                x[k] = v != null && text(v).equals(input.substring(eq + 1)) ? 1 : 0;
            }
        }
    }

    static Double number(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof io.kehu.sdk.records.MoneyValue m) {
            return m.amount().doubleValue();
        }
        if (v instanceof Boolean) {
            return null;
        }
        try {
            return new BigDecimal(v.toString().trim()).doubleValue();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String text(Object v) {
        if (v instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).sorted().toList());
        }
        return v.toString().trim();
    }

    private static double[] filled(int n) {
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        return ones;
    }
}
