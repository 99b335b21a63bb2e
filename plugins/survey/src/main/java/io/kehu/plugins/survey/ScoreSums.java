package io.kehu.plugins.survey;

import io.kehu.sdk.records.AggregateRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * The additive parts of a {@link ScoreSummary}: counts and sums that can be added across days, groups and versions
 * (a mean cannot), so the figures of a period are the sum of its stored daily totals ({@link Rollups}) and of live
 * aggregates over the days not totalled yet. Means are divided out only at the end.
 *
 * @param sums dimension → Σ the responses' scores on it
 * @param counts dimension → responses with a score on it
 */
record ScoreSums(long responses, long rated, long topTwo, long npsAnswers, long promoters, long detractors,
                 Map<Dimension, BigDecimal> sums, Map<Dimension, Long> counts) {

    static final ScoreSums NONE = new ScoreSums(0, 0, 0, 0, 0, 0, Map.of(), Map.of());

    ScoreSums {
        sums = Map.copyOf(sums);
        counts = Map.copyOf(counts);
    }

    ScoreSums plus(ScoreSums other) {
        Map<Dimension, BigDecimal> s = new EnumMap<>(Dimension.class);
        Map<Dimension, Long> n = new EnumMap<>(Dimension.class);
        for (ScoreSums part : new ScoreSums[] {this, other}) {
            part.sums.forEach((d, v) -> s.merge(d, v, BigDecimal::add));
            part.counts.forEach((d, v) -> n.merge(d, v, Long::sum));
        }
        return new ScoreSums(responses + other.responses, rated + other.rated, topTwo + other.topTwo,
                npsAnswers + other.npsAnswers, promoters + other.promoters, detractors + other.detractors, s, n);
    }

    /** The figures: CSAT and NPS one decimal, means two decimals (half up), as {@link ScoreSummary#of} rounds. */
    ScoreSummary summary() {
        Map<Dimension, BigDecimal> means = new EnumMap<>(Dimension.class);
        Map<Dimension, Integer> n = new EnumMap<>(Dimension.class);
        counts.forEach((d, c) -> {
            if (c > 0 && sums.get(d) != null) {
                means.put(d, sums.get(d).divide(BigDecimal.valueOf(c), 2, RoundingMode.HALF_UP));
                n.put(d, Math.toIntExact(c));
            }
        });
        return new ScoreSummary(Math.toIntExact(responses), ScoreSummary.percent(Math.toIntExact(topTwo),
                Math.toIntExact(rated)), Math.toIntExact(rated), ScoreSummary.percent(Math.toIntExact(promoters
                - detractors), Math.toIntExact(npsAnswers)), Math.toIntExact(npsAnswers), Math.toIntExact(promoters),
                Math.toIntExact(detractors), means, n);
    }

    /** A live aggregate's row over responses ({@link ScoreMeasures#onto}). */
    static ScoreSums ofResponses(AggregateRow row) {
        Map<Dimension, BigDecimal> s = new EnumMap<>(Dimension.class);
        Map<Dimension, Long> n = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            long c = row.count(ScoreMeasures.n(d));
            if (c > 0 && row.sum(d.scoreField()) != null) {
                s.put(d, row.sum(d.scoreField()));
                n.put(d, c);
            }
        }
        return new ScoreSums(row.count(), longOf(row.sum("rated")), longOf(row.sum("top_two")), row.count("nps_n"),
                row.count("promoters"), row.count("detractors"), s, n);
    }

    /** A row of an aggregate over stored daily totals ({@link Rollups#measures}). */
    static ScoreSums ofTotals(AggregateRow row) {
        Map<Dimension, BigDecimal> s = new EnumMap<>(Dimension.class);
        Map<Dimension, Long> n = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            long c = longOf(row.sum(Rollups.nField(d)));
            if (c > 0 && row.sum(Rollups.sumField(d)) != null) {
                s.put(d, row.sum(Rollups.sumField(d)));
                n.put(d, c);
            }
        }
        return new ScoreSums(longOf(row.sum("responses")), longOf(row.sum("rated")), longOf(row.sum("top_two")),
                longOf(row.sum("nps_n")), longOf(row.sum("promoters")), longOf(row.sum("detractors")), s, n);
    }

    /** The values a stored daily total holds. */
    Map<String, Object> asTotals() {
        Map<String, Object> v = new java.util.HashMap<>();
        v.put("responses", responses);
        v.put("rated", rated);
        v.put("top_two", topTwo);
        v.put("nps_n", npsAnswers);
        v.put("promoters", promoters);
        v.put("detractors", detractors);
        for (Dimension d : Dimension.values()) {
            v.put(Rollups.nField(d), counts.getOrDefault(d, 0L));
            if (sums.get(d) != null) {
                v.put(Rollups.sumField(d), sums.get(d));
            }
        }
        return v;
    }

    private static long longOf(BigDecimal value) {
        return value == null ? 0 : value.longValueExact();
    }
}
