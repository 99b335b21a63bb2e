package io.kehu.plugins.survey;

import io.kehu.sdk.records.AggregateRow;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordAggregate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of {@link ScoreSummary} computed by the database: one {@code GROUP BY} over the responses' stored
 * score fields — the number of responses, Σ ratings and Σ top-two ratings (CSAT), conditional counts of NPS answers,
 * promoters and detractors, and per dimension {@code AVG(score)} with {@code COUNT(score)} (SQL averages skip the
 * responses without that dimension, exactly as "each response counts once" asks). Nothing is streamed to Java.
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
            aggregate.avg(d.scoreField()).countWhere(n(d), d.scoreField(), FilterOperator.IS_NOT_EMPTY);
        }
        return aggregate;
    }

    /** The figures of one group's row. */
    static ScoreSummary summary(AggregateRow row) {
        Map<Dimension, BigDecimal> means = new EnumMap<>(Dimension.class);
        Map<Dimension, Integer> counts = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            long n = row.count(n(d));
            if (n > 0 && row.avg(d.scoreField()) != null) {
                means.put(d, row.avg(d.scoreField()).setScale(2, RoundingMode.HALF_UP));
                counts.put(d, (int) n);
            }
        }
        int rated = intOf(row.sum("rated"));
        int topTwo = intOf(row.sum("top_two"));
        int npsAnswers = (int) row.count("nps_n");
        int promoters = (int) row.count("promoters");
        int detractors = (int) row.count("detractors");
        return new ScoreSummary((int) row.count(), ScoreSummary.percent(topTwo, rated), rated,
                ScoreSummary.percent(promoters - detractors, npsAnswers), npsAnswers, promoters, detractors, means,
                counts);
    }

    private static String n(Dimension d) {
        return "n_" + d.name().toLowerCase(Locale.ROOT);
    }

    private static int intOf(BigDecimal value) {
        return value == null ? 0 : value.intValueExact();
    }
}
