package io.kehu.plugins.churn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How well a model ranks and how honest its probabilities are, on customers it was not trained on.
 *
 * @param rows the held-out customers
 * @param positives how many of them left
 * @param auc ROC AUC: the chance that a customer who left scores above one who stayed (0.5 = guessing)
 * @param precision of the customers with a probability of at least 50 %, the share who left
 * @param recall of the customers who left, the share with a probability of at least 50 %
 * @param liftTop10 the leaving rate among the 10 % highest scores ÷ the overall rate
 * @param brier mean squared error of the probabilities (lower is better)
 * @param calibration per tenth of the scores (lowest first): mean predicted probability and observed rate
 */
record Evaluation(int rows, int positives, double auc, double precision, double recall, double liftTop10,
                  double brier, List<Bin> calibration) {

    /** One tenth of the held-out customers by score. */
    record Bin(int count, double predicted, double observed) {
    }

    /** The lift of each tenth, highest scores first: its leaving rate ÷ the overall rate (the lift table). */
    List<Double> liftsByTenth() {
        double rate = rows == 0 ? 0 : positives / (double) rows;
        List<Double> lifts = new ArrayList<>();
        for (int b = calibration.size() - 1; b >= 0 && rate > 0; b--) {
            lifts.add(calibration.get(b).observed() / rate);
        }
        return lifts;
    }

    static Evaluation of(double[] p, byte[] y) {
        int n = p.length;
        int positives = 0;
        int predictedPositive = 0;
        int truePositive = 0;
        double brier = 0;
        for (int i = 0; i < n; i++) {
            positives += y[i];
            if (p[i] >= 0.5) {
                predictedPositive++;
                truePositive += y[i];
            }
            brier += (p[i] - y[i]) * (p[i] - y[i]);
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        // AUC by the rank sum (Mann–Whitney U), ties sharing their average rank
        double rankSum = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && p[order[j + 1]] == p[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (y[order[k]] == 1) {
                    rankSum += rank;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        double auc = positives == 0 || negatives == 0 ? Double.NaN
                : (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
        int top = Math.max(1, n / 10);
        int topPositives = 0;
        for (int k = n - top; k < n; k++) {
            topPositives += y[order[k]];
        }
        double rate = n == 0 ? 0 : positives / (double) n;
        double lift = rate == 0 ? Double.NaN : (topPositives / (double) top) / rate;
        List<Bin> bins = new ArrayList<>();
        for (int b = 0; b < 10 && n > 0; b++) {
            int from = b * n / 10;
            int to = (b + 1) * n / 10;
            if (to <= from) {
                continue;
            }
            double predicted = 0;
            double observed = 0;
            for (int k = from; k < to; k++) {
                predicted += p[order[k]];
                observed += y[order[k]];
            }
            bins.add(new Bin(to - from, predicted / (to - from), observed / (to - from)));
        }
        return new Evaluation(n, positives, auc, predictedPositive == 0 ? 0 : truePositive / (double) predictedPositive,
                positives == 0 ? 0 : truePositive / (double) positives, lift, n == 0 ? 0 : brier / n, bins);
    }
}
