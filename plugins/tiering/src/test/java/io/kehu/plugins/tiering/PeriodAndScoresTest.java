package io.kehu.plugins.tiering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plugin's pure logic: periods, RFM quintiles, thresholds, scheme JSON. */
class PeriodAndScoresTest {

    @Test
    void periodsOfEachKind() {
        LocalDate day = LocalDate.of(2026, 11, 23);
        assertThat(Period.containing(PeriodKind.CALENDAR_YEAR, day))
                .isEqualTo(new Period(PeriodKind.CALENDAR_YEAR, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
        assertThat(Period.lastCompleted(PeriodKind.CALENDAR_YEAR, day).key()).isEqualTo("2025");
        assertThat(Period.lastCompleted(PeriodKind.CALENDAR_YEAR, LocalDate.of(2026, 1, 1)).key()).isEqualTo("2025");
        assertThat(Period.lastCompleted(PeriodKind.QUARTER, day))
                .isEqualTo(new Period(PeriodKind.QUARTER, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30)));
        assertThat(Period.lastCompleted(PeriodKind.QUARTER, LocalDate.of(2026, 1, 1)).key()).isEqualTo("2025-Q4");
        Period rolling = Period.lastCompleted(PeriodKind.ROLLING_12_MONTHS, day);
        assertThat(rolling.from()).isEqualTo(LocalDate.of(2025, 11, 1));
        assertThat(rolling.to()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(rolling.key()).isEqualTo("12M-2026-11");
        assertThat(Period.containing(PeriodKind.QUARTER, LocalDate.of(2024, 2, 29)).to())
                .isEqualTo(LocalDate.of(2024, 3, 31));
    }

    @Test
    void quintilesGiveEqualValuesEqualScoresAndNoPurchasesZero() {
        Long[] counts = {1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, null};
        assertThat(RfmScores.frequency(counts)).containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 0);
        assertThat(RfmScores.frequency(new Long[] {3L, 3L, 3L, 3L, 9L})).containsExactly(1, 1, 1, 1, 5);
        assertThat(RfmScores.recency(new Long[] {0L, 100L, 365L, null})).containsExactly(4, 2, 1, 0);
        assertThat(RfmScores.monetary(new BigDecimal[] {new BigDecimal("10.00"), new BigDecimal("10")}))
                .containsExactly(1, 1);
    }

    @Test
    void primitiveScoresMatchTheGeneralRankingOnManyCustomers() {
        java.util.Random random = new java.util.Random(7);
        int n = 20_000;
        BigDecimal[] spend = new BigDecimal[n];
        Long[] counts = new Long[n];
        for (int i = 0; i < n; i++) {
            if (random.nextInt(3) > 0) {
                spend[i] = BigDecimal.valueOf(random.nextInt(5_000_000), random.nextInt(3));
                counts[i] = 1L + random.nextInt(40);
            }
        }
        assertThat(RfmScores.monetary(spend)).containsExactly(rankedOneByOne(spend));
        assertThat(RfmScores.frequency(counts)).containsExactly(rankedOneByOne(counts));
        assertThat(RfmScores.quintiles(spend)).containsExactly(rankedOneByOne(spend));
        BigDecimal[] tooFine = {new BigDecimal("0.0000001"), new BigDecimal("0.0000002"), null,
                new BigDecimal("0.00000010")};
        assertThat(RfmScores.monetary(tooFine)).containsExactly(1, 4, 0, 1);
    }

    /** The ranking as specified, spelt out: walk the sorted buyers, a new value starts at its rank's fifth. */
    private static <T extends Comparable<T>> int[] rankedOneByOne(T[] values) {
        List<Integer> buyers = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                buyers.add(i);
            }
        }
        buyers.sort(java.util.Comparator.comparing(i -> values[i]));
        int[] scores = new int[values.length];
        int score = 0;
        for (int rank = 0; rank < buyers.size(); rank++) {
            if (rank == 0 || values[buyers.get(rank)].compareTo(values[buyers.get(rank - 1)]) != 0) {
                score = 1 + rank * 5 / buyers.size();
            }
            scores[buyers.get(rank)] = score;
        }
        return scores;
    }

    @Test
    void thresholdsPickTheFirstLevelWhoseCriteriaAllHold() {
        TierScheme three = Schemes.defaults().get(0);
        assertThat(three.byThresholds(metrics("100000", 6, 10L))).isEqualTo("KEY");
        assertThat(three.byThresholds(metrics("99999.99", 6, 10L))).isEqualTo("NORMAL");
        assertThat(three.byThresholds(metrics("0", 0, null))).isEqualTo("POTENTIAL");
        TierScheme byRegion = new TierScheme("region", io.kehu.sdk.LocalText.of("区域", "Region"), three.levels(),
                Map.of("KEY", List.of(new Criterion("field:region", "=", "east_china"),
                        new Criterion("recency_days", "<=", "30"))), null, null);
        assertThat(byRegion.customerFields()).containsExactly("region");
        assertThat(byRegion.byThresholds(metrics("1", 1, 30L))).isEqualTo("KEY");
        assertThat(byRegion.byThresholds(metrics("1", 0, null))).isEqualTo("POTENTIAL");
        assertThatThrownBy(() -> new Criterion("happiness", ">=", "1")).hasMessageContaining("happiness");
        assertThatThrownBy(() -> new Criterion("total_spend", "~", "1")).hasMessageContaining("~");
    }

    private static CustomerMetrics metrics(String spend, long count, Long recency) {
        return new CustomerMetrics(1, 0, null, new BigDecimal(spend), count, null, recency, 0, 0, 0,
                Map.of("region", "east_china"));
    }
}
