package io.kehu.plugins.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Answers' checks and the scoring definitions (docs/survey.md), with exact figures. */
class ScoringTest {

    @Test
    void scoresOneResponsePerDimensionOnTheFivePointScale() {
        ResponseScore s = ResponseScore.of(Fixtures.version(), Map.of("quality", 4, "service", 10,
                "aspects", Map.of("speed", 2, "price", 5), "recommend", 9));
        assertThat(s.dimensions()).containsEntry(Dimension.QUALITY, new BigDecimal("4.00"))
                .containsEntry(Dimension.SERVICE, new BigDecimal("5.00"))
                .containsEntry(Dimension.SPEED, new BigDecimal("2.00"))
                .containsEntry(Dimension.PRICE, new BigDecimal("5.00")).doesNotContainKey(Dimension.OVERALL);
        assertThat(s.rated()).isEqualTo(4);
        assertThat(s.topTwo()).isEqualTo(3); // 4 of 5, 10 of 10, 5 of 5; not 2 of 5
        assertThat(s.nps()).isEqualTo(9);
        assertThat(s.low(new BigDecimal("2"), 6)).isTrue(); // speed 2
        assertThat(s.low(new BigDecimal("1"), 6)).isFalse();
    }

    @Test
    void tenPointRatingsAreMappedLinearly() {
        assertThat(ResponseScore.fivePoint(1, 10)).isEqualByComparingTo("1");
        assertThat(ResponseScore.fivePoint(10, 10)).isEqualByComparingTo("5");
        assertThat(ResponseScore.fivePoint(7, 10)).isEqualByComparingTo("3.6667");
        assertThat(ResponseScore.fivePoint(3, 5)).isEqualByComparingTo("3");
    }

    @Test
    void summarisesCsatNpsAndMeansWithTheirN() {
        // NPS answers 10, 9, 8, 6, 3 → 2 promoters, 2 detractors of 5 → 0; ratings: 5 given, 3 in the top two boxes
        ScoreSummary sum = ScoreSummary.of(List.of(
                ResponseScore.of(Fixtures.version(), Map.of("quality", 5, "recommend", 10)),
                ResponseScore.of(Fixtures.version(), Map.of("quality", 4, "recommend", 9)),
                ResponseScore.of(Fixtures.version(), Map.of("quality", 2, "recommend", 8)),
                ResponseScore.of(Fixtures.version(), Map.of("service", 9, "recommend", 6)),
                ResponseScore.of(Fixtures.version(), Map.of("service", 1, "recommend", 3))));
        assertThat(sum.responses()).isEqualTo(5);
        assertThat(sum.csat()).isEqualByComparingTo("60.0");
        assertThat(sum.rated()).isEqualTo(5);
        assertThat(sum.nps()).isEqualByComparingTo("0.0");
        assertThat(sum.npsAnswers()).isEqualTo(5);
        assertThat(sum.promoters()).isEqualTo(2);
        assertThat(sum.detractors()).isEqualTo(2);
        assertThat(sum.means()).containsEntry(Dimension.QUALITY, new BigDecimal("3.67"));
        assertThat(sum.meanCounts()).containsEntry(Dimension.QUALITY, 3).containsEntry(Dimension.SERVICE, 2);
        // service: 9/10 → 4.5556, 1/10 → 1 → mean of the two responses' means (4.56 + 1.00) / 2 = 2.78
        assertThat(sum.means()).containsEntry(Dimension.SERVICE, new BigDecimal("2.78"));
    }

    @Test
    void npsOfOnlyDetractorsIsMinusHundredAndNoAnswersIsNull() {
        ScoreSummary sum = ScoreSummary.of(List.of(ResponseScore.of(Fixtures.version(), Map.of("recommend", 0))));
        assertThat(sum.nps()).isEqualByComparingTo("-100.0");
        assertThat(ScoreSummary.of(List.of()).nps()).isNull();
        assertThat(ScoreSummary.of(List.of()).csat()).isNull();
    }

    @Test
    void checksAnswersAndDropsHiddenOnes() {
        Answers.Checked ok = Answers.check(Fixtures.version(), Map.of("quality", 5, "service", 10, "recommend", 7,
                "channel", "other", "channel_other", "展会", "wishes", List.of("support", "other"),
                "renew", true, "why_not", "hidden because renew is true", "visit_date", "2026-03-01"));
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.answers()).containsEntry("channel_other", "展会").doesNotContainKey("why_not")
                .containsEntry("wishes", List.of("support", "other"));
        Answers.Checked shown = Answers.check(Fixtures.version(), Map.of("quality", 5, "service", 10,
                "recommend", 7, "renew", false, "why_not", "太贵"));
        assertThat(shown.answers()).containsEntry("why_not", "太贵");
        Answers.Checked bad = Answers.check(Fixtures.version(), Map.of("quality", 6, "recommend", 11,
                "channel", "tv", "visit_date", "tomorrow"));
        assertThat(bad.problems()).extracting(t -> t.en()).contains(
                "Not a valid answer: How satisfied are you with the quality?",
                "Please answer: Rate our service attitude",
                "Not a valid answer: How likely are you to recommend us?",
                "Not a valid answer: Where did you hear of us?", "Not a valid answer: Visit date");
    }

    @Test
    void conditionsInSurveyJsSpelling() {
        assertThat(Condition.holds("{a} > 3 and {b} = 'x' or {c} notempty", Map.of("a", 4, "b", "x"))).isTrue();
        assertThat(Condition.holds("{a} > 3 and {b} = 'x'", Map.of("a", 2, "b", "x"))).isFalse();
        assertThat(Condition.holds("{w} contains 'support'", Map.of("w", List.of("support")))).isTrue();
        assertThat(Condition.holds("{w} empty", Map.of())).isTrue();
        assertThat(Condition.supports("({a} > 3)")).isFalse();
        assertThat(Condition.supports("age({birth}) > 18")).isFalse();
        assertThat(Condition.rename("{Q 1} = 2", Map.of("Q 1", "q_1"))).isEqualTo("{q_1} = 2");
    }
}
