package io.kehu.plugins.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * The figures of a set of responses, each with its n.
 *
 * <ul>
 *   <li>CSAT (top-2 box %) = 100 × (ratings in the top two boxes) / (ratings given), over every rating question
 *       and matrix row of every response, one decimal; null when no rating was given.</li>
 *   <li>NPS = % promoters (9–10) − % detractors (0–6) among responses with an NPS answer, one decimal, −100..100.</li>
 *   <li>Mean per dimension = the mean of the responses' own means in that dimension (each response counts once,
 *       however many questions it had on that dimension), five-point scale, two decimals.</li>
 * </ul>
 *
 * @param responses how many responses
 * @param csat CSAT %, or null
 * @param rated the n of the CSAT (ratings)
 * @param nps NPS, or null
 * @param npsAnswers the n of the NPS
 * @param promoters answers 9–10
 * @param detractors answers 0–6
 * @param means dimension → mean (only dimensions with answers)
 * @param meanCounts dimension → n (responses)
 */
public record ScoreSummary(int responses, BigDecimal csat, int rated, BigDecimal nps, int npsAnswers, int promoters,
                           int detractors, Map<Dimension, BigDecimal> means, Map<Dimension, Integer> meanCounts) {

    public static ScoreSummary of(Collection<ResponseScore> scores) {
        int rated = 0;
        int topTwo = 0;
        int npsAnswers = 0;
        int promoters = 0;
        int detractors = 0;
        Map<Dimension, BigDecimal> sums = new EnumMap<>(Dimension.class);
        Map<Dimension, Integer> counts = new EnumMap<>(Dimension.class);
        for (ResponseScore s : scores) {
            rated += s.rated();
            topTwo += s.topTwo();
            if (s.nps() != null) {
                npsAnswers++;
                promoters += s.nps() >= 9 ? 1 : 0;
                detractors += s.nps() <= 6 ? 1 : 0;
            }
            s.dimensions().forEach((d, v) -> {
                sums.merge(d, v, BigDecimal::add);
                counts.merge(d, 1, Integer::sum);
            });
        }
        Map<Dimension, BigDecimal> means = new EnumMap<>(Dimension.class);
        sums.forEach((d, sum) -> means.put(d, sum.divide(BigDecimal.valueOf(counts.get(d)), 2, RoundingMode.HALF_UP)));
        return new ScoreSummary(scores.size(), percent(topTwo, rated), rated,
                percent(promoters - detractors, npsAnswers),
                npsAnswers, promoters, detractors, means, counts);
    }

    static BigDecimal percent(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1,
                RoundingMode.HALF_UP);
    }
}
