package io.kehu.plugins.survey;

import io.kehu.sdk.records.AggregateRow;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordAggregate;
import java.util.Locale;

/**
 * The figures of {@link ScoreSummary} computed by the database: one {@code GROUP BY} over the responses' stored
 * score fields — the number of responses, Σ ratings and Σ top-two ratings (CSAT), conditional counts of NPS answers,
 * promoters and detractors, and per dimension {@code SUM(score)} with {@code COUNT(score)} (the mean divided out at
 * the end skips the responses without that dimension, exactly as "each response counts once" asks, and sums add up
 * across days and groups: {@link ScoreSums}). Nothing is streamed to Java.
 */
final class ScoreMeasures {

    private ScoreMeasures() {
    }

    /** Asks {@code aggregate} (of {@code survey_response}) for every measure the figures need. */
    static RecordAggregate onto(RecordAggregate aggregate) {
        aggregate.count().sum("rated").sum("top_two")
                .countWhere("nps_n", "nps", FilterOperator.IS_NOT_EMPTY)
                .countWhere("promoters", "nps", FilterOperator.GREATER_OR_EQUAL, 9)
                .countWhere("detractors", "nps", FilterOperator.LESS_OR_EQUAL, 6);
        for (Dimension d : Dimension.values()) {
            aggregate.sum(d.scoreField()).countWhere(n(d), d.scoreField(), FilterOperator.IS_NOT_EMPTY);
        }
        return aggregate;
    }

    /** The figures of one group's row. */
    static ScoreSummary summary(AggregateRow row) {
        return ScoreSums.ofResponses(row).summary();
    }

    static String n(Dimension d) {
        return "n_" + d.name().toLowerCase(Locale.ROOT);
    }
}
