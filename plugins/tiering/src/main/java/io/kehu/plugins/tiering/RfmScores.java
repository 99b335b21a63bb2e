package io.kehu.plugins.tiering;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * RFM quintile scores: among the customers who bought in the period, each of recency, frequency and monetary value
 * is ranked and cut into five equal groups, 1 (worst fifth) to 5 (best fifth). Equal values get the same score (the
 * score of the first of them in the ranking). Customers without purchases score 0.
 *
 * <p>A value's rank is the number of buyers with a smaller value, found by binary search in the sorted values: a
 * million customers cost one primitive sort per score instead of a sort of boxed indices through a comparator.
 */
final class RfmScores {

    /** Spend is ranked as whole millionths (the scale the database sums at) while it fits in a {@code long}. */
    private static final int SPEND_SCALE = 6;
    private static final BigDecimal SPEND_LIMIT = BigDecimal.valueOf(Long.MAX_VALUE / 2_000_000);

    private RfmScores() {
    }

    /**
     * Scores for {@code values} where a larger value is better; only customers with {@code bought[i]} are ranked, the
     * others score 0.
     *
     * @param values one value per customer (ignored where {@code bought[i]} is false)
     * @param bought whether the customer bought in the period
     * @return one score per customer, 0 .. 5
     */
    static int[] quintiles(long[] values, boolean[] bought) {
        long[] ranked = new long[values.length];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (bought[i]) {
                ranked[n++] = values[i];
            }
        }
        ranked = Arrays.copyOf(ranked, n);
        Arrays.sort(ranked);
        int[] scores = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (bought[i]) {
                scores[i] = score(firstAtLeast(ranked, values[i]), n);
            }
        }
        return scores;
    }

    /** Recency scores: fewer days since the last purchase is better. */
    static int[] recency(long[] days, boolean[] bought) {
        long[] negated = new long[days.length];
        for (int i = 0; i < days.length; i++) {
            negated[i] = -days[i];
        }
        return quintiles(negated, bought);
    }

    static int[] frequency(long[] counts, boolean[] bought) {
        return quintiles(counts, bought);
    }

    /** Monetary scores; {@code null} spend (no purchases) scores 0. Compares exactly: 10.00 and 10 score alike. */
    static int[] monetary(BigDecimal[] spend) {
        long[] millionths = new long[spend.length];
        boolean[] bought = new boolean[spend.length];
        for (int i = 0; i < spend.length; i++) {
            if (spend[i] == null) {
                continue;
            }
            BigDecimal amount = spend[i].scale() > SPEND_SCALE ? spend[i].stripTrailingZeros() : spend[i];
            if (amount.scale() > SPEND_SCALE || amount.abs().compareTo(SPEND_LIMIT) > 0) {
                return quintiles(spend);
            }
            millionths[i] = amount.movePointRight(SPEND_SCALE).longValueExact();
            bought[i] = true;
        }
        return quintiles(millionths, bought);
    }

    /** The general case, for values that are not whole numbers of a small unit; {@code null}: no purchases. */
    static <T extends Comparable<T>> int[] quintiles(T[] values) {
        T[] ranked = Arrays.stream(values).filter(v -> v != null).toArray(n -> Arrays.copyOf(values, n));
        Arrays.sort(ranked);
        int[] scores = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                int lo = 0;
                int hi = ranked.length;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (ranked[mid].compareTo(values[i]) < 0) {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                scores[i] = score(lo, ranked.length);
            }
        }
        return scores;
    }

    /** Boxed form, {@code null} meaning no purchases. */
    static int[] recency(Long[] days) {
        return recency(unbox(days), present(days));
    }

    /** Boxed form, {@code null} meaning no purchases. */
    static int[] frequency(Long[] counts) {
        return frequency(unbox(counts), present(counts));
    }

    private static int score(int rank, int n) {
        return 1 + (int) ((long) rank * 5 / n);
    }

    /** The index of the first of {@code sorted} that is at least {@code value}: how many are smaller. */
    private static int firstAtLeast(long[] sorted, long value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static long[] unbox(Long[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] == null ? 0 : values[i];
        }
        return out;
    }

    private static boolean[] present(Long[] values) {
        boolean[] out = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] != null;
        }
        return out;
    }
}
