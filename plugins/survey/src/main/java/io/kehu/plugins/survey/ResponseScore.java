package io.kehu.plugins.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The scores of one response, stored on its record so the analytics are sums and averages the database computes.
 *
 * <ul>
 *   <li>Every rating (a rating question or a matrix row) is put on the five-point scale: a 1–5 rating as it is, a
 *       1–10 rating as {@code 1 + (v − 1) × 4 / 9} (10 → 5, 1 → 1), so versions and imported surveys with either
 *       scale are comparable.</li>
 *   <li>{@code dimensions}: per dimension, the mean of the response's ratings in it (two decimals).</li>
 *   <li>{@code rated} and {@code topTwo}: how many ratings it gave and how many were in the top two boxes of their
 *       own scale (4–5 of 5, 9–10 of 10): CSAT = Σ topTwo / Σ rated.</li>
 *   <li>{@code nps}: the 0–10 answer to the (first) NPS question, or null.</li>
 * </ul>
 *
 * @param dimensions dimension → mean on the five-point scale
 * @param rated ratings given
 * @param topTwo of which in the top two boxes
 * @param nps the NPS answer or null
 */
public record ResponseScore(Map<Dimension, BigDecimal> dimensions, int rated, int topTwo, Integer nps) {

    public static ResponseScore of(SurveyVersion version, Map<String, Object> answers) {
        Map<Dimension, List<BigDecimal>> ratings = new EnumMap<>(Dimension.class);
        int rated = 0;
        int topTwo = 0;
        Integer nps = null;
        for (Question q : version.questions()) {
            Object a = answers.get(q.name());
            if (a == null) {
                continue;
            }
            if (q.type() == QuestionType.NPS && nps == null && a instanceof Number n) {
                nps = n.intValue();
            } else if (q.type() == QuestionType.RATING && a instanceof Number n) {
                ratings.computeIfAbsent(q.dimension(), d -> new ArrayList<>()).add(fivePoint(n.intValue(), q.scale()));
                rated++;
                topTwo += n.intValue() >= q.scale() - 1 ? 1 : 0;
            } else if (q.type() == QuestionType.MATRIX && a instanceof Map<?, ?> cells) {
                for (Question.Row row : q.rows()) {
                    if (cells.get(row.value()) instanceof Number n) {
                        Dimension d = row.dimension() == null ? q.dimension() : row.dimension();
                        ratings.computeIfAbsent(d, x -> new ArrayList<>()).add(fivePoint(n.intValue(), q.scale()));
                        rated++;
                        topTwo += n.intValue() >= q.scale() - 1 ? 1 : 0;
                    }
                }
            }
        }
        Map<Dimension, BigDecimal> means = new EnumMap<>(Dimension.class);
        ratings.forEach((d, values) -> means.put(d, values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP)));
        return new ResponseScore(means, rated, topTwo, nps);
    }

    /** A rating on the five-point scale, four decimals (so 1–10 answers average exactly enough). */
    static BigDecimal fivePoint(int value, int scale) {
        if (scale == 5) {
            return BigDecimal.valueOf(value);
        }
        return BigDecimal.ONE.add(BigDecimal.valueOf((value - 1) * 4L).divide(BigDecimal.valueOf(scale - 1), 4,
                RoundingMode.HALF_UP));
    }

    /** Whether this response should get a follow-up: any dimension at or below {@code dimensionMax}, NPS at or
     * below {@code npsMax}. */
    public boolean low(BigDecimal dimensionMax, int npsMax) {
        return dimensions.values().stream().anyMatch(v -> v.compareTo(dimensionMax) <= 0)
                || nps != null && nps <= npsMax;
    }
}
