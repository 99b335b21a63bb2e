package io.kehu.plugins.churn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The model without a host: a synthetic history where leaving follows known causes. IBM's real Telco Customer Churn
 * file is validated through the import path in {@link ChurnTelcoImportTest}.
 */
class ChurnModelTest {

    static final long SEED = 20_241_205L;

    /** Customers whose leaving depends on how overdue they are and on complaints; tenure is noise. */
    static FeatureTable synthetic(int n, long seed) {
        Random random = new Random(seed);
        FeatureTable table = new FeatureTable(List.of("region"), n);
        for (int i = 0; i < n; i++) {
            String region = random.nextBoolean() ? "east_china" : "north_china";
            int row = table.add(i + 1, null, Map.of("region", region));
            double overdue = random.nextDouble() * 5;
            int complaints = random.nextInt(4);
            table.set(row, "overdue_ratio", overdue);
            int usual = 10 + random.nextInt(80);
            table.set(row, "recency_days", Math.round(overdue * usual));
            table.set(row, "usual_interval_days", usual);
            table.set(row, "complaints_90d", complaints);
            table.set(row, "tenure_days", random.nextInt(2000));
            double z = -3 + 0.9 * overdue + 0.8 * complaints + ("north_china".equals(region) ? 0.3 : 0);
            table.label(row, random.nextDouble() < LogisticRegression.sigmoid(z));
        }
        return table;
    }

    @Test
    void learnsTheKnownCausesOfASyntheticHistoryAndExplainsEachScore() {
        FeatureTable table = synthetic(5000, 7);
        ChurnModel model = ChurnModel.train(table, 1, "lifecycle_stage=lost", SEED);
        Evaluation e = model.evaluation();
        assertThat(e.rows()).isEqualTo(1500);
        assertThat(e.auc()).isGreaterThan(0.8);
        assertThat(e.liftTop10()).isGreaterThan(1.5); // about half leave: the most a lift can be is 2
        // the lift table: ten tenths, highest scores first, the first one the top-10 % lift, falling overall
        assertThat(e.liftsByTenth()).hasSize(10);
        assertThat(e.liftsByTenth().getFirst()).isCloseTo(e.liftTop10(), org.assertj.core.data.Offset.offset(0.05));
        assertThat(e.liftsByTenth().getFirst()).isGreaterThan(e.liftsByTenth().getLast());
        // calibrated: in every tenth, the mean probability is near the observed leaving rate
        for (Evaluation.Bin bin : e.calibration()) {
            assertThat(Math.abs(bin.predicted() - bin.observed())).isLessThan(0.1);
        }
        assertThat(model.importance(2)).extracting(ChurnModel.Contribution::input)
                .containsExactlyInAnyOrder("overdue_ratio", "complaints_90d");
        // the same seed gives the same model
        assertThat(ChurnModel.train(table, 1, "x", SEED).coefficients()).containsExactly(model.coefficients());
        // a customer far overdue with three complaints: both are the reasons, overdue first
        FeatureTable one = new FeatureTable(List.of("region"), 1);
        one.add(1, null, Map.of("region", "east_china"));
        one.set(0, "overdue_ratio", 4.9);
        one.set(0, "recency_days", 147);
        one.set(0, "usual_interval_days", 30);
        one.set(0, "complaints_90d", 3);
        one.set(0, "tenure_days", 1000);
        double[] scratch = new double[model.encoder().inputs().size()];
        assertThat(model.probability(one, 0, scratch)).isGreaterThan(0.8);
        assertThat(model.reasons(scratch, 3)).extracting(ChurnModel.Contribution::input)
                .startsWith("overdue_ratio", "complaints_90d");
    }

    @Test
    void aBinnedScorecardGivesPointsPerBinAndTheCostliestBinsAsReasons() {
        FeatureTable table = synthetic(5000, 7);
        ChurnModel model = ChurnModel.train(table, 1, "lifecycle_stage=lost", SEED, ChurnModel.SCORECARD, null);
        Scorecard card = model.scorecard();
        assertThat(model.evaluation().auc()).isGreaterThan(0.8);
        // the causes carry the most information (recency too: it is overdue × interval); tenure is noise and stays out
        assertThat(card.variables()).extracting(Scorecard.Variable::input).startsWith("overdue_ratio")
                .contains("complaints_90d").doesNotContain("tenure_days");
        assertThat(card.screened()).anySatisfy(s -> {
            assertThat(s.input()).isEqualTo("tenure_days");
            assertThat(s.used()).isFalse();
        });
        // more complaints cost more points: the bins' points fall as the complaints rise
        Scorecard.Variable complaints = card.variables().stream().filter(v -> v.input().equals("complaints_90d"))
                .findFirst().orElseThrow();
        List<Double> points = complaints.bins().stream().filter(b -> !b.missing()).map(Scorecard.Bin::points).toList();
        assertThat(points).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        // the score is base + the customer's bins, and the probability follows from it
        FeatureTable one = new FeatureTable(List.of("region"), 1);
        one.add(1, null, Map.of("region", "east_china"));
        one.set(0, "overdue_ratio", 4.9);
        one.set(0, "recency_days", 147);
        one.set(0, "usual_interval_days", 30);
        one.set(0, "complaints_90d", 3);
        one.set(0, "tenure_days", 1000);
        double sum = card.basePoints();
        for (Scorecard.Variable v : card.variables()) {
            sum += Scorecard.find(v, one, 0).points();
        }
        assertThat(card.points(one, 0)).isEqualTo(sum);
        assertThat(model.probability(one, 0, new double[0])).isGreaterThan(0.8)
                .isCloseTo(LogisticRegression.sigmoid((Scorecard.BASE_SCORE - sum) / Scorecard.FACTOR),
                        org.assertj.core.data.Offset.offset(1e-9));
        assertThat(model.reasons(one, 0, new double[0], 3)).extracting(ChurnModel.Contribution::input)
                .contains("overdue_ratio", "complaints_90d");
        // same seed, same card
        assertThat(ChurnModel.train(table, 1, "x", SEED, ChurnModel.SCORECARD, null).scorecard()).isEqualTo(card);
    }

    /** {@code shared/data/telco-customer-churn.csv}, looked for above the working directory; null when absent. */
    static Path telco() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("shared/data/telco-customer-churn.csv");
            if (Files.isReadable(file)) {
                return file;
            }
        }
        return null;
    }
}
