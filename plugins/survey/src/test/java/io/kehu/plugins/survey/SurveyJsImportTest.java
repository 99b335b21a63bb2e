package io.kehu.plugins.survey;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.plugins.survey.ImportReport.Outcome;
import io.kehu.sdk.json.JsonType;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SurveyJS definitions written from the published format (src/test/resources/surveyjs), parsed by the host. */
@KehuPluginTest
class SurveyJsImportTest {

    private static SurveyJsImport.Result read(KehuTestHost kehu, String fixture) throws IOException {
        try (InputStream in = SurveyJsImportTest.class.getResourceAsStream("/surveyjs/" + fixture)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return SurveyJsImport.read(kehu.context().json().read(text, new JsonType<Map<String, Object>>() { }));
        }
    }

    private static Question q(SurveyJsImport.Result r, String name) {
        return r.questions().stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
    }

    private static Outcome outcome(SurveyJsImport.Result r, String element) {
        return r.report().items().stream().filter(i -> i.element().equals(element)).map(ImportReport.Item::outcome)
                .reduce((a, b) -> b.compareTo(a) > 0 ? b : a).orElseThrow();
    }

    @Test
    void customerSatisfactionWithPagesMatrixNpsAndConditions(KehuTestHost kehu) throws IOException {
        SurveyJsImport.Result r = read(kehu, "customer-satisfaction.json");
        assertThat(r.title().en()).isEqualTo("Customer Satisfaction Survey");
        assertThat(r.questions()).extracting(Question::name)
                .containsExactly("satisfaction", "nps_score", "quality", "how_found", "disappointed");
        assertThat(q(r, "satisfaction").type()).isEqualTo(QuestionType.RATING);
        assertThat(q(r, "satisfaction").dimension()).isEqualTo(Dimension.QUALITY);
        assertThat(q(r, "satisfaction").look()).isEqualTo(Question.STARS); // rateType "stars" keeps its look
        assertThat(q(r, "nps_score").look()).isNull();
        assertThat(q(r, "nps_score").type()).isEqualTo(QuestionType.NPS);
        Question matrix = q(r, "quality");
        assertThat(matrix.scale()).isEqualTo(5);
        assertThat(matrix.rows()).extracting(Question.Row::dimension)
                .containsExactly(Dimension.PRICE, Dimension.SPEED, Dimension.SERVICE);
        assertThat(q(r, "how_found").choices()).extracting(Question.Choice::value)
                .containsExactly("search", "friend", "ad");
        assertThat(q(r, "how_found").choices().get(1).text().en()).isEqualTo("A friend");
        assertThat(q(r, "how_found").allowsOther()).isTrue();
        assertThat(q(r, "how_found").visibleIf()).isEqualTo("{satisfaction} notempty");
        assertThat(q(r, "disappointed").visibleIf()).isEqualTo("{satisfaction} notempty and {satisfaction} <= 2");
        assertThat(outcome(r, "thanks")).isEqualTo(Outcome.DROPPED);
        // two SurveyJS pages stay two pages; a condition on page 2 reads an answer of page 1
        assertThat(outcome(r, "pages")).isEqualTo(Outcome.MAPPED);
        assertThat(r.questions()).extracting(Question::pageNumber).containsExactly(1, 1, 1, 2, 2);
        assertThat(r.report().count(Outcome.MAPPED)).isEqualTo(6);
        // the imported survey answers and scores like a built one
        SurveyVersion v = new SurveyVersion(1, r.title(), null, r.questions(), "2026-01-01T00:00:00Z", "admin");
        assertThat(v.pages()).hasSize(2);
        assertThat(v.pages().get(1)).extracting(Question::name).containsExactly("how_found", "disappointed");
        Answers.Checked a = Answers.check(v, Map.of("satisfaction", 2, "nps_score", 3, "quality",
                Map.of("affordable", 4, "responsive", 5, "friendly", 5), "disappointed", "太慢"));
        assertThat(a.problems()).isEmpty();
        assertThat(a.answers()).containsKey("disappointed");
        assertThat(ResponseScore.of(v, a.answers()).low(java.math.BigDecimal.valueOf(2), 6)).isTrue();
    }

    @Test
    void localisedTopLevelElementsWithOtherNonePanelsAndUnsupportedTypes(KehuTestHost kehu) throws IOException {
        SurveyJsImport.Result r = read(kehu, "service-feedback-zh.json");
        assertThat(r.title().zh()).isEqualTo("服务回访问卷");
        assertThat(r.title().en()).isEqualTo("Service feedback");
        assertThat(q(r, "resolved").type()).isEqualTo(QuestionType.YES_NO);
        assertThat(q(r, "resolved").title().zh()).isEqualTo("您的问题解决了吗？");
        assertThat(q(r, "engineer").scale()).isEqualTo(10);
        assertThat(q(r, "engineer").dimension()).isEqualTo(Dimension.SERVICE);
        assertThat(q(r, "improve").type()).isEqualTo(QuestionType.MULTIPLE_CHOICE);
        assertThat(q(r, "improve").choices()).extracting(Question.Choice::value).containsExactly("speed", "price",
                "none");
        assertThat(q(r, "improve").choices().get(0).text().zh()).isEqualTo("响应速度");
        assertThat(q(r, "region").choices().get(0).text().zh()).isEqualTo("华北");
        assertThat(q(r, "visit_on").type()).isEqualTo(QuestionType.DATE);
        assertThat(q(r, "email").type()).isEqualTo(QuestionType.TEXT);
        assertThat(outcome(r, "email")).isEqualTo(Outcome.APPROXIMATED);
        assertThat(q(r, "other_remarks").visibleIf()).isEqualTo("{resolved} = false");
        assertThat(outcome(r, "extra")).isEqualTo(Outcome.APPROXIMATED);
        assertThat(q(r, "products").type()).isEqualTo(QuestionType.MATRIX);
        assertThat(outcome(r, "products")).isEqualTo(Outcome.APPROXIMATED);
        assertThat(outcome(r, "photo")).isEqualTo(Outcome.DROPPED);
        assertThat(outcome(r, "tags")).isEqualTo(Outcome.DROPPED);
    }

    @Test
    void legacySpellingsOddScalesClashingNamesAndUnsupportedConditions(KehuTestHost kehu) throws IOException {
        SurveyJsImport.Result r = read(kehu, "legacy-questions.json");
        assertThat(r.questions()).extracting(Question::name).containsExactly("q1", "q1_2", "age_note", "grid");
        assertThat(q(r, "q1").scale()).isEqualTo(5);
        assertThat(r.report().items()).anySatisfy(i -> {
            assertThat(i.element()).isEqualTo("Q1");
            assertThat(i.outcome()).isEqualTo(Outcome.APPROXIMATED);
            assertThat(i.note().en()).isEqualTo("Rating scale 1–7 becomes 1–5");
            assertThat(i.note().zh()).isEqualTo("评分范围 1–7 改为 1–5");
        });
        assertThat(q(r, "age_note").visibleIf()).isNull();
        assertThat(outcome(r, "age_note")).isEqualTo(Outcome.APPROXIMATED);
        assertThat(q(r, "grid").rows()).singleElement().satisfies(row -> {
            assertThat(row.value()).isEqualTo("Price");
            assertThat(row.dimension()).isEqualTo(Dimension.PRICE);
        });
        assertThat(outcome(r, "grid")).isEqualTo(Outcome.APPROXIMATED);
        assertThat(List.of(Outcome.values())).hasSize(3);
    }
}
