package io.kehu.plugins.churn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A binned logistic regression scorecard (分箱评分卡), the format risk and sales staff already read: every input is cut
 * into bins (numbers by quantiles of the training customers, other fields by value), each bin gets its weight of
 * evidence {@code WOE = ln(share of leavers in the bin ÷ share of stayers in the bin)} and each input its information
 * value {@code IV = Σ (leaver share − stayer share) × WOE}; a logistic regression over the WOE of the inputs with an
 * IV of at least {@link #MIN_IV} then turns into points per bin.
 *
 * <p>Points follow the usual convention: a higher score means more likely to <em>stay</em>; {@link #BASE_SCORE}
 * points are even odds and every {@link #PDO} points double the odds of staying. {@code score = base + Σ bin points},
 * with {@code base = BASE_SCORE − factor × b0} and {@code bin points = − factor × b × WOE} ({@code factor = PDO ÷
 * ln 2}), so a bin with negative points costs the customer; the bins that cost most are the reasons. The probability
 * of leaving follows from the score: {@code p = 1 ÷ (1 + exp((score − BASE_SCORE) ÷ factor))}.
 *
 * @param basePoints the points every customer starts with
 * @param variables the inputs in the card (IV ≥ {@link #MIN_IV}), most informative first
 * @param screened every input considered with its IV, for the training screen
 */
record Scorecard(double basePoints, List<Variable> variables, List<Screened> screened) {

    static final double BASE_SCORE = 600;
    static final double PDO = 20;
    static final double FACTOR = PDO / Math.log(2);
    static final int QUANTILES = 10;
    static final double MIN_BIN_SHARE = 0.05;
    static final double MIN_IV = 0.02;

    /**
     * One input of the card.
     *
     * @param input a measure ({@code recency_days}) or a picked field ({@code field:region})
     * @param numeric cut by number ranges, else by value
     * @param coefficient the regression's weight on the WOE
     * @param iv the information value
     * @param bins in order (ranges ascending; values by count; the missing bin last)
     */
    record Variable(String input, boolean numeric, double coefficient, double iv, List<Bin> bins) {
    }

    /**
     * One bin: a range {@code (lower, upper]} of a number, one value, every other value ({@code other}), or no value.
     *
     * @param count training customers in the bin
     * @param left how many of them left
     */
    record Bin(Double lower, Double upper, String value, boolean other, boolean missing, int count, int left,
               double woe, double points) {
    }

    /** An input considered for the card and its information value. */
    record Screened(String input, double iv, boolean used) {
    }

    /** Bins every input on {@code rows}, keeps the informative ones, fits the regression and sets the points. */
    static Scorecard fit(FeatureTable table, int[] rows, double lambda) {
        List<Variable> all = binAll(table, rows);
        List<Variable> used = all.stream().filter(v -> v.iv() >= MIN_IV && v.bins().size() > 1).toList();
        double[][] x = new double[rows.length][used.size()];
        byte[] y = new byte[rows.length];
        for (int r = 0; r < rows.length; r++) {
            for (int k = 0; k < used.size(); k++) {
                x[r][k] = find(used.get(k), table, rows[r]).woe();
            }
            y[r] = table.labels[rows[r]];
        }
        double[] beta = LogisticRegression.fit(x, y, lambda);
        List<Variable> card = new ArrayList<>();
        for (int k = 0; k < used.size(); k++) {
            Variable v = used.get(k);
            double b = beta[k + 1];
            List<Bin> bins = v.bins().stream().map(bin -> new Bin(bin.lower(), bin.upper(), bin.value(), bin.other(),
                    bin.missing(), bin.count(), bin.left(), bin.woe(), -FACTOR * b * bin.woe())).toList();
            card.add(new Variable(v.input(), v.numeric(), b, v.iv(), bins));
        }
        List<Screened> screened = all.stream()
                .map(v -> new Screened(v.input(), v.iv(), used.contains(v))).toList();
        return new Scorecard(BASE_SCORE - FACTOR * beta[0], card, screened);
    }

    /** Every input binned on {@code rows} (labelled), most informative first. */
    static List<Variable> binAll(FeatureTable table, int[] rows) {
        List<Variable> all = new ArrayList<>();
        for (String measure : FeatureTable.BASE) {
            all.add(bin(table, rows, measure, true));
        }
        for (int j = 0; j < table.fieldIds.size(); j++) {
            String input = "field:" + table.fieldIds.get(j);
            all.add(bin(table, rows, input, numericField(table, rows, j)));
        }
        all.sort(Comparator.comparingDouble(Variable::iv).reversed());
        return all;
    }

    /** The customer's score on the card (higher = more likely to stay). */
    double points(FeatureTable table, int row) {
        double score = basePoints;
        for (Variable v : variables) {
            score += find(v, table, row).points();
        }
        return score;
    }

    /** The probability of leaving that the score stands for. */
    double probability(FeatureTable table, int row) {
        return LogisticRegression.sigmoid((BASE_SCORE - points(table, row)) / FACTOR);
    }

    /** The inputs whose bins cost this customer most points (negative points, largest cost first). */
    List<ChurnModel.Contribution> costs(FeatureTable table, int row, int limit) {
        List<ChurnModel.Contribution> costs = new ArrayList<>();
        for (Variable v : variables) {
            Bin bin = find(v, table, row);
            if (!bin.missing() && bin.points() < -1) {
                costs.add(new ChurnModel.Contribution(v.input(), -bin.points()));
            }
        }
        costs.sort(Comparator.comparingDouble(ChurnModel.Contribution::value).reversed());
        return costs.subList(0, Math.min(limit, costs.size()));
    }

    /** The bin of customer {@code row} for {@code v}. */
    static Bin find(Variable v, FeatureTable table, int row) {
        List<Bin> bins = v.bins();
        if (v.numeric()) {
            double x = number(table, row, v.input());
            for (Bin bin : bins) {
                if (Double.isNaN(x) ? bin.missing() : !bin.missing() && (bin.upper() == null || x <= bin.upper())) {
                    return bin;
                }
            }
        } else {
            String value = text(table, row, v.input());
            Bin other = null;
            for (Bin bin : bins) {
                if (value == null ? bin.missing() : value.equals(bin.value())) {
                    return bin;
                }
                if (bin.other()) {
                    other = bin;
                }
            }
            if (value != null && other != null) {
                return other;
            }
        }
        return new Bin(null, null, null, false, true, 0, 0, 0, 0); // unseen when training: neutral
    }

    private static Variable bin(FeatureTable table, int[] rows, String input, boolean numeric) {
        int leftTotal = 0;
        for (int i : rows) {
            leftTotal += table.labels[i];
        }
        int stayedTotal = rows.length - leftTotal;
        List<Bin> raw = numeric ? numberBins(table, rows, input) : valueBins(table, rows, input);
        // count each bin's customers and leavers
        Variable shell = new Variable(input, numeric, 0, 0, raw);
        Map<Bin, int[]> counts = new HashMap<>();
        raw.forEach(b -> counts.put(b, new int[2]));
        for (int i : rows) {
            Bin b = find(shell, table, i);
            int[] c = counts.get(b);
            if (c != null) {
                c[0]++;
                c[1] += table.labels[i];
            }
        }
        List<Bin> bins = new ArrayList<>();
        double iv = 0;
        for (Bin b : raw) {
            int[] c = counts.get(b);
            if (c[0] == 0) {
                continue;
            }
            // +0.5 on both sides keeps a bin with no leavers (or no stayers) finite
            double leftShare = (c[1] + 0.5) / (leftTotal + 0.5);
            double stayedShare = (c[0] - c[1] + 0.5) / (stayedTotal + 0.5);
            double woe = Math.log(leftShare / stayedShare);
            iv += (leftShare - stayedShare) * woe;
            bins.add(new Bin(b.lower(), b.upper(), b.value(), b.other(), b.missing(), c[0], c[1], woe, 0));
        }
        return new Variable(input, numeric, 0, iv, bins);
    }

    /** Quantile cut points of the known values, merged so that every bin holds at least 5 % of the customers. */
    private static List<Bin> numberBins(FeatureTable table, int[] rows, String input) {
        double[] values = Arrays.stream(rows).mapToDouble(i -> number(table, i, input)).filter(d -> !Double.isNaN(d))
                .sorted().toArray();
        List<Bin> bins = new ArrayList<>();
        int minCount = Math.max(1, (int) Math.ceil(rows.length * MIN_BIN_SHARE));
        Double lower = null;
        int from = 0;
        for (int q = 1; q <= QUANTILES && values.length > 0; q++) {
            int at = Math.min(values.length - 1, (int) ((long) values.length * q / QUANTILES) - 1);
            if (at < 0) {
                continue;
            }
            double cut = values[at];
            int to = upperIndex(values, cut);
            boolean last = to >= values.length;
            if (!last && (to - from < minCount || values.length - to < minCount)) {
                continue;
            }
            bins.add(new Bin(lower, last ? null : cut, null, false, false, 0, 0, 0, 0));
            lower = cut;
            from = to;
            if (last) {
                break;
            }
        }
        if (values.length > 0 && (bins.isEmpty() || bins.getLast().upper() != null)) {
            bins.add(new Bin(lower, null, null, false, false, 0, 0, 0, 0));
        }
        bins.add(new Bin(null, null, null, false, true, 0, 0, 0, 0));
        return bins;
    }

    /** Index after the last value ≤ cut. */
    private static int upperIndex(double[] sorted, double cut) {
        int i = Arrays.binarySearch(sorted, Math.nextUp(cut));
        return i >= 0 ? i : -i - 1;
    }

    /** One bin per value holding at least 5 % of the customers, the rest together, then no value. */
    private static List<Bin> valueBins(FeatureTable table, int[] rows, String input) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i : rows) {
            String v = text(table, i, input);
            if (v != null) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        int minCount = Math.max(1, (int) Math.ceil(rows.length * MIN_BIN_SHARE));
        List<Bin> bins = new ArrayList<>();
        counts.entrySet().stream().filter(e -> e.getValue() >= minCount)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> bins.add(new Bin(null, null, e.getKey(), false, false, 0, 0, 0, 0)));
        if (counts.values().stream().anyMatch(c -> c < minCount)) {
            bins.add(new Bin(null, null, null, true, false, 0, 0, 0, 0));
        }
        bins.add(new Bin(null, null, null, false, true, 0, 0, 0, 0));
        return bins;
    }

    private static boolean numericField(FeatureTable table, int[] rows, int j) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i : rows) {
            Object v = table.fields[j][i];
            if (v == null || v.toString().isBlank()) {
                continue;
            }
            if (Encoder.number(v) == null) {
                return false;
            }
            seen.add(Encoder.text(v));
        }
        return seen.size() > 2;
    }

    private static double number(FeatureTable table, int row, String input) {
        if (!input.startsWith("field:")) {
            return table.get(row, input);
        }
        int j = table.fieldIds.indexOf(input.substring("field:".length()));
        Object v = j < 0 ? null : table.fields[j][row];
        Double d = v == null ? null : Encoder.number(v);
        return d == null ? Double.NaN : d;
    }

    private static String text(FeatureTable table, int row, String input) {
        if (!input.startsWith("field:")) {
            double d = table.get(row, input);
            return Double.isNaN(d) ? null : Double.toString(d);
        }
        int j = table.fieldIds.indexOf(input.substring("field:".length()));
        Object v = j < 0 ? null : table.fields[j][row];
        return v == null || v.toString().isBlank() ? null : Encoder.text(v);
    }
}
