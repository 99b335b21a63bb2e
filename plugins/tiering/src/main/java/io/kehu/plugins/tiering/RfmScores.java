package io.kehu.plugins.tiering;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;

/**
 * RFM quintile scores: among the customers who bought in the period, each of recency, frequency and monetary value
 * is ranked and cut into five equal groups, 1 (worst fifth) to 5 (best fifth). Equal values get the same score (the
 * score of the first of them in the ranking). Customers without purchases score 0.
 */
final class RfmScores {

    private RfmScores() {
    }

    /**
     * Scores for {@code values} where a larger value is better; {@code null} entries (no purchases) score 0.
     *
     * @param values one value per customer
     * @return one score per customer, 0 .. 5
     */
    static <T extends Comparable<T>> int[] quintiles(T[] values) {
        int[] scores = new int[values.length];
        Integer[] order = new Integer[values.length];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                order[n++] = i;
            }
        }
        Integer[] ranked = Arrays.copyOf(order, n);
        Arrays.sort(ranked, Comparator.comparing(i -> values[i]));
        int score = 0;
        for (int rank = 0; rank < n; rank++) {
            T value = values[ranked[rank]];
            if (rank == 0 || value.compareTo(values[ranked[rank - 1]]) != 0) {
                score = 1 + (int) ((long) rank * 5 / n);
            }
            scores[ranked[rank]] = score;
        }
        return scores;
    }

    /** Recency scores: fewer days since the last purchase is better. */
    static int[] recency(Long[] days) {
        Long[] negated = new Long[days.length];
        for (int i = 0; i < days.length; i++) {
            negated[i] = days[i] == null ? null : -days[i];
        }
        return quintiles(negated);
    }

    static int[] frequency(Long[] counts) {
        return quintiles(counts);
    }

    static int[] monetary(BigDecimal[] spend) {
        return quintiles(spend);
    }
}
