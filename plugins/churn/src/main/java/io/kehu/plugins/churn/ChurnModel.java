package io.kehu.plugins.churn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A trained churn model: the inputs and their scaling ({@link Encoder}), the logistic regression's coefficients, the
 * label it learned and the held-out evaluation shown before an admin activates it. Stored as JSON in the plugin's
 * settings ({@code model.<version>}).
 *
 * @param version 1, 2, … in training order
 * @param trainedAt when (ISO-8601 instant)
 * @param label what "left" meant, e.g. {@code lifecycle_stage = lost}
 * @param seed the seed of the train/holdout split (the fit itself is deterministic)
 * @param encoder the inputs
 * @param coefficients the intercept, then one coefficient per input
 * @param evaluation on the holdout
 * @param trainRows customers trained on
 * @param kind {@link #LOGISTIC} (null in versions stored before there was a choice) or {@link #SCORECARD}
 * @param cutoff the day the training features were computed as of (ISO date; null when trained on today's)
 * @param scorecard the card, for {@link #SCORECARD} (then {@code encoder} and {@code coefficients} are unused)
 * @param leaverHorizon leavers' features were computed as of this many days before their own loss date; null in
 *                      versions stored before (all features as of {@code cutoff})
 * @param holdoutShare the share of the customers held out for the evaluation (0.3 = 30 %); null in versions stored
 *                     before it could be chosen, which held out {@link #HOLDOUT}
 */
record ChurnModel(int version, String trainedAt, String label, long seed, Encoder encoder, double[] coefficients,
                  Evaluation evaluation, int trainRows, String kind, String cutoff, Scorecard scorecard,
                  Integer leaverHorizon, Double holdoutShare) {

    /** Logistic regression over standardised inputs and 0/1 inputs per value. */
    static final String LOGISTIC = "logistic";
    /** Binned logistic regression scorecard: WOE per bin, points per bin. */
    static final String SCORECARD = "scorecard";

    /** The holdout share unless the training screen says otherwise. */
    static final double HOLDOUT = 0.3;
    /** The holdout shares the training screen accepts: enough customers on both sides to fit and to judge. */
    static final double MIN_HOLDOUT = 0.1;
    static final double MAX_HOLDOUT = 0.5;
    static final double LAMBDA = 1.0;

    /** One input's share of a customer's score, on the log-odds scale (positive = towards leaving). */
    record Contribution(String input, double value) {
    }

    /**
     * Splits the labelled rows (stratified: the same leaving rate in both parts, shuffled with {@code seed}), fits on
     * 70 % and evaluates on the other 30 %.
     */
    static ChurnModel train(FeatureTable table, int version, String label, long seed) {
        return train(table, version, label, seed, LOGISTIC, null);
    }

    /** As above, of the given kind; rows {@link FeatureTable#isExcluded excluded} are neither trained nor tested on. */
    static ChurnModel train(FeatureTable table, int version, String label, long seed, String kind, String cutoff) {
        return train(table, version, label, seed, kind, cutoff, null);
    }

    /** As above, recording that leavers' features were as of {@code leaverHorizon} days before they left. */
    static ChurnModel train(FeatureTable table, int version, String label, long seed, String kind, String cutoff,
                            Integer leaverHorizon) {
        return train(table, version, label, seed, kind, cutoff, leaverHorizon, HOLDOUT);
    }

    /**
     * As above, holding out {@code holdoutShare} of the customers (of the leavers and of the stayers alike) for the
     * evaluation; the same seed and share give the same split and the same model.
     */
    static ChurnModel train(FeatureTable table, int version, String label, long seed, String kind, String cutoff,
                            Integer leaverHorizon, double holdoutShare) {
        if (!(holdoutShare >= MIN_HOLDOUT && holdoutShare <= MAX_HOLDOUT)) {
            throw new IllegalArgumentException("The holdout share is between " + MIN_HOLDOUT + " and " + MAX_HOLDOUT
                    + ", not " + holdoutShare);
        }
        if (table.labels == null) {
            throw new IllegalArgumentException("No customer has the label " + label);
        }
        List<Integer> left = new ArrayList<>();
        List<Integer> stayed = new ArrayList<>();
        for (int i = 0; i < table.size; i++) {
            if (!table.isExcluded(i)) {
                (table.labels[i] == 1 ? left : stayed).add(i);
            }
        }
        if (left.size() < 10 || stayed.size() < 10) {
            throw new IllegalArgumentException("Too few customers to learn from: " + left.size() + " left, "
                    + stayed.size() + " stayed (at least 10 of each)");
        }
        Random random = new Random(seed);
        java.util.Collections.shuffle(left, random);
        java.util.Collections.shuffle(stayed, random);
        List<Integer> train = new ArrayList<>();
        List<Integer> holdout = new ArrayList<>();
        for (List<Integer> group : List.of(left, stayed)) {
            int cut = (int) Math.round(group.size() * holdoutShare);
            holdout.addAll(group.subList(0, cut));
            train.addAll(group.subList(cut, group.size()));
        }
        int[] trainRows = train.stream().mapToInt(Integer::intValue).sorted().toArray();
        int[] holdoutRows = holdout.stream().mapToInt(Integer::intValue).sorted().toArray();
        ChurnModel unevaluated;
        String trainedAt = Instant.now().toString();
        if (SCORECARD.equals(kind)) {
            Scorecard card = Scorecard.fit(table, trainRows, LAMBDA);
            unevaluated = new ChurnModel(version, trainedAt, label, seed, null, null, null, trainRows.length, kind,
                    cutoff, card, leaverHorizon, holdoutShare);
        } else {
            Encoder encoder = Encoder.fit(table, trainRows);
            double[][] x = new double[trainRows.length][encoder.inputs().size()];
            byte[] y = new byte[trainRows.length];
            for (int r = 0; r < trainRows.length; r++) {
                encoder.into(table, trainRows[r], x[r]);
                y[r] = table.labels[trainRows[r]];
            }
            double[] beta = LogisticRegression.fit(x, y, LAMBDA);
            unevaluated = new ChurnModel(version, trainedAt, label, seed, encoder, beta, null, trainRows.length,
                    LOGISTIC, cutoff, null, leaverHorizon, holdoutShare);
        }
        double[] p = new double[holdoutRows.length];
        byte[] yh = new byte[holdoutRows.length];
        double[] row = new double[unevaluated.inputCount()];
        for (int r = 0; r < holdoutRows.length; r++) {
            p[r] = unevaluated.probability(table, holdoutRows[r], row);
            yh[r] = table.labels[holdoutRows[r]];
        }
        return new ChurnModel(version, trainedAt, label, seed, unevaluated.encoder(), unevaluated.coefficients(),
                Evaluation.of(p, yh), trainRows.length, unevaluated.kind(), cutoff, unevaluated.scorecard(),
                leaverHorizon, holdoutShare);
    }

    /** The share held out for the evaluation ({@link #HOLDOUT} for versions stored before it could be chosen). */
    double holdout() {
        return holdoutShare == null ? HOLDOUT : holdoutShare;
    }

    boolean hasScorecard() {
        return scorecard != null;
    }

    /** The size of the scratch array {@link #probability} needs. */
    int inputCount() {
        return hasScorecard() ? 0 : encoder.inputs().size();
    }

    /** The probability that customer {@code row} leaves; {@code scratch} is reused between calls. */
    double probability(FeatureTable table, int row, double[] scratch) {
        if (hasScorecard()) {
            return scorecard.probability(table, row);
        }
        encoder.into(table, row, scratch);
        double z = coefficients[0];
        for (int k = 0; k < scratch.length; k++) {
            z += coefficients[k + 1] * scratch[k];
        }
        return LogisticRegression.sigmoid(z);
    }

    /**
     * The inputs pushing customer {@code row} towards leaving, largest first: the logistic model's contributions
     * (after {@link #probability} filled scratch), or the scorecard's bins that cost most points.
     */
    List<Contribution> reasons(FeatureTable table, int row, double[] scratch, int limit) {
        return hasScorecard() ? scorecard.costs(table, row, limit) : reasons(scratch, limit);
    }

    /** The logistic model's inputs pushing towards leaving, largest first (after {@link #probability} filled scratch). */
    List<Contribution> reasons(double[] scratch, int limit) {
        List<Contribution> all = new ArrayList<>();
        for (int k = 0; k < scratch.length; k++) {
            double c = coefficients[k + 1] * scratch[k];
            if (c > 0.1) {
                all.add(new Contribution(encoder.inputs().get(k), c));
            }
        }
        all.sort(Comparator.comparingDouble(Contribution::value).reversed());
        return all.subList(0, Math.min(limit, all.size()));
    }

    /** The inputs that matter most overall: |coefficient| on the standardised scale, largest first. */
    List<Contribution> importance(int limit) {
        List<Contribution> all = new ArrayList<>();
        if (hasScorecard()) {
            scorecard.variables().forEach(v -> all.add(new Contribution(v.input(), v.iv())));
            return all.subList(0, Math.min(limit, all.size()));
        }
        for (int k = 0; k < encoder.inputs().size(); k++) {
            all.add(new Contribution(encoder.inputs().get(k), coefficients[k + 1]));
        }
        all.sort(Comparator.comparingDouble((Contribution c) -> Math.abs(c.value())).reversed());
        return all.subList(0, Math.min(limit, all.size()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChurnModel m && m.version == version && Arrays.equals(m.coefficients, coefficients)
                && java.util.Objects.equals(m.scorecard, scorecard);
    }

    @Override
    public int hashCode() {
        return version * 31 + Arrays.hashCode(coefficients);
    }

    @Override
    public String toString() {
        return "ChurnModel v" + version + " " + kind + " (" + label + ", " + (hasScorecard()
                ? scorecard.variables().size() : encoder.inputs().size()) + " inputs)";
    }
}
