package io.kehu.plugins.survey;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.QueryParameters;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.KehuUi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The public answer page: open without sign-in (HTTP), answered once from its link (Karibu), kind messages. */
@KehuPluginTest
class AnswerPageTest {

    private static String text(String id) {
        return _get(Component.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    @Test
    void onlyThePublicPageOpensWithoutSignIn(KehuTestHost kehu) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> open = http.send(HttpRequest.newBuilder(URI.create(kehu.baseUrl()
                + "/public/survey/answer?t=abc")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(open.statusCode()).isEqualTo(200);
        HttpResponse<String> staffOnly = http.send(HttpRequest.newBuilder(URI.create(kehu.baseUrl()
                + "/apps/survey/entry")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(staffOnly.statusCode()).isIn(302, 401, 403);
    }

    @Test
    void aCustomerAnswersFromTheLinkOnce(KehuTestHost kehu) {
        new SurveyCatalog(kehu.context()).save(StandardSurvey.KEY, StandardSurvey.title(), StandardSurvey.greeting(),
                StandardSurvey.questions(), "admin");
        long c = SurveyStoreContract.customer(kehu.context(), "页面客户王先生");
        String token = new Invitations(kehu.context()).issue(c, StandardSurvey.KEY, null, Duration.ofDays(7)).token();
        try (KehuUi ui = kehu.ui("staff", Locale.SIMPLIFIED_CHINESE)) {
            answer(token);
            assertThat(text("survey-answer")).contains("客户满意度调查").contains("感谢您抽出一分钟时间")
                    .doesNotContain("王先生");
            assertThat(text("survey-answer-progress-text")).isEqualTo("已回答 0 / 7 题");
            _click(_get(Button.class, spec -> spec.withId("survey-answer-submit")));
            assertThat(text("survey-answer-status")).startsWith("请回答：");
            // stars: five real buttons, radios for screen readers; a tap fills the stars up to it and says it in words
            var quality = rating("quality");
            List<com.vaadin.flow.component.html.NativeButton> stars = ((Component) quality).getChildren().findFirst().orElseThrow()
                    .getChildren().filter(Div.class::isInstance).findFirst().orElseThrow().getChildren()
                    .map(com.vaadin.flow.component.html.NativeButton.class::cast).toList();
            assertThat(stars).hasSize(5).allSatisfy(b -> assertThat(b.getElement().getAttribute("role"))
                    .isEqualTo("radio"));
            assertThat(stars.get(3).getElement().getAttribute("aria-label")).isEqualTo("4 星（满分 5 星）：满意");
            _click(stars.get(3));
            assertThat(quality.getValue()).isEqualTo(4);
            assertThat(stars).extracting(b -> b.getText()).containsExactly("★", "★", "★", "★", "☆");
            assertThat(stars.get(3).getElement().getAttribute("aria-checked")).isEqualTo("true");
            assertThat(text("q-quality")).contains("满意");
            assertThat(rating("overall").getClass().getSimpleName()).isEqualTo("RatingPicker"); // smileys
            for (String q : List.of("service", "speed", "price", "overall")) {
                rating(q).setValue(4);
            }
            rating("recommend").setValue(10);
            assertThat(text("survey-answer-progress-text")).isEqualTo("已回答 6 / 7 题");
            _click(_get(Button.class, spec -> spec.withId("survey-answer-submit")));
            assertThat(text("survey-answer-thanks")).isEqualTo("提交成功，感谢您的反馈！");
            answer(token);
            assertThat(text("survey-answer-message")).isEqualTo("您已经填写过这份问卷，感谢您的反馈！");
            _click(_get(Button.class, spec -> spec.withId("survey-answer-language")));
            assertThat(text("survey-answer-message"))
                    .isEqualTo("You have already answered this survey. Thank you for your feedback!");
            answer("nonsense");
            assertThat(text("survey-answer-message")).startsWith("这个链接无效");
        }
        assertThat(kehu.context().records().search(SurveyForms.RESPONSE).where("customer", FilterOperator.EQUALS, c)
                .list()).hasSize(1);
    }

    @Test
    void aSurveyOfSeveralPagesIsAnsweredPageByPageOnThePhone(KehuTestHost kehu) {
        String key = "paged_answer";
        new SurveyCatalog(kehu.context()).save(key, io.kehu.sdk.LocalText.of("分页问卷", "Paged survey"), null,
                List.of(Question.rating("quality", Dimension.QUALITY, 5, "产品质量打几分？", "Quality?"),
                        Question.of("renew", QuestionType.YES_NO, Dimension.OVERALL, "会续约吗？", "Renew?"),
                        new Question("why_not", QuestionType.COMMENT, Dimension.OVERALL,
                                io.kehu.sdk.LocalText.of("为什么不续约？", "Why not?"), null, null, null, null, true,
                                "{renew} = false", null, 2),
                        Question.nps("recommend", "推荐意愿？", "Recommend?").onPage(3)), "admin");
        long c = SurveyStoreContract.customer(kehu.context(), "分页客户");
        String token = new Invitations(kehu.context()).issue(c, key, null, Duration.ofDays(7)).token();
        try (KehuUi ui = kehu.ui("staff", Locale.SIMPLIFIED_CHINESE)) {
            answer(token);
            // page 2 holds only a question hidden until "no": two pages to go through so far
            assertThat(text("survey-answer-progress-text")).isEqualTo("第 1 / 2 页 · 已回答 0 / 3 题");
            assertThat(visible("survey-answer-submit")).isFalse();
            assertThat(visible("survey-answer-previous")).isFalse();
            assertThat(visible("q-recommend")).isFalse();
            click("survey-answer-next");
            assertThat(text("survey-answer-status")).isEqualTo("请回答：产品质量打几分？");
            assertThat(visible("q-quality")).isTrue(); // still on page 1
            rating("quality").setValue(4);
            yesNo("renew").setValue(false);
            assertThat(text("survey-answer-progress-text")).isEqualTo("第 1 / 3 页 · 已回答 2 / 4 题");
            click("survey-answer-next");
            assertThat(visible("q-why_not")).isTrue();
            assertThat(visible("q-quality")).isFalse();
            assertThat(text("survey-answer-progress-text")).startsWith("第 2 / 3 页");
            click("survey-answer-next");
            assertThat(text("survey-answer-status")).isEqualTo("请回答：为什么不续约？");
            comment("why_not").setValue("价格太高");
            click("survey-answer-next");
            assertThat(visible("q-recommend")).isTrue();
            assertThat(visible("survey-answer-submit")).isTrue();
            assertThat(visible("survey-answer-next")).isFalse();
            // back and forth loses nothing
            click("survey-answer-previous");
            assertThat(comment("why_not").getValue()).isEqualTo("价格太高");
            click("survey-answer-next");
            rating("recommend").setValue(9);
            assertThat(text("survey-answer-progress-text")).isEqualTo("第 3 / 3 页 · 已回答 4 / 4 题");
            click("survey-answer-submit");
            assertThat(text("survey-answer-thanks")).isEqualTo("提交成功，感谢您的反馈！");
        }
        var response = kehu.context().records().search(SurveyForms.RESPONSE).where("customer", FilterOperator.EQUALS, c)
                .list();
        assertThat(response).singleElement().satisfies(r -> assertThat(r.get("answers").toString())
                .contains("价格太高").contains("\"recommend\":9"));
    }

    private static boolean visible(String id) {
        // Karibu may leave invisible components out of its search: not found counts as not shown
        return com.github.mvysny.kaributesting.v10.LocatorJ._find(Component.class, spec -> spec.withId(id)).stream()
                .anyMatch(c -> {
                    for (Component at = c; at != null; at = at.getParent().orElse(null)) {
                        if (!at.isVisible()) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    private static com.vaadin.flow.component.textfield.TextArea comment(String question) {
        Div block = _get(Div.class, spec -> spec.withId("q-" + question));
        return block.getChildren().filter(com.vaadin.flow.component.textfield.TextArea.class::isInstance)
                .map(com.vaadin.flow.component.textfield.TextArea.class::cast).findFirst().orElseThrow();
    }

    private static void click(String id) {
        _click(_get(Button.class, spec -> spec.withId(id)));
    }

    @SuppressWarnings("unchecked")
    private static com.vaadin.flow.component.HasValue<?, Boolean> yesNo(String question) {
        Div block = _get(Div.class, spec -> spec.withId("q-" + question));
        return (com.vaadin.flow.component.HasValue<?, Boolean>) block.getChildren()
                .filter(RadioButtonGroup.class::isInstance).findFirst().orElseThrow();
    }

    private static void answer(String token) {
        UI.getCurrent().navigate("public/survey/answer", QueryParameters.of("t", token));
    }

    /** A rating's field: numbers (radio buttons) or stars and smileys ({@link RatingPicker}). */
    @SuppressWarnings("unchecked")
    private static com.vaadin.flow.component.HasValue<?, Integer> rating(String question) {
        Div block = _get(Div.class, spec -> spec.withId("q-" + question));
        return (com.vaadin.flow.component.HasValue<?, Integer>) block.getChildren()
                .filter(c -> c instanceof RadioButtonGroup
                        // the view's classes come from the plugin's class loader, not the test's: by name
                        || c.getClass().getSimpleName().equals("RatingPicker")).findFirst().orElseThrow();
    }
}
