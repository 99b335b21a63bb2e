package io.kehu.plugins.survey;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.KehuUi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The campaigns and analytics screens in Chinese, and the public link's page (Karibu and HTTP, H2). */
@KehuPluginTest
class CampaignViewsTest {

    private static String text(String id) {
        return _get(Component.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    private static void standard(KehuTestHost kehu) {
        new SurveyCatalog(kehu.context()).save(StandardSurvey.KEY, StandardSurvey.title(), StandardSurvey.greeting(),
                StandardSurvey.questions(), "admin");
    }

    private static long customer(KehuTestHost kehu, String name, String tier) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", name);
        values.put("email", "v" + System.nanoTime() + "@example.com");
        values.put("level", tier);
        values.put("account_manager", kehu.context().users().byUsername("manager").orElseThrow().id());
        return kehu.context().records().create("customer", values).id();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aManagerStartsACampaignWithAPublicLinkSeesItsProgressAndReminds(KehuTestHost kehu) {
        standard(kehu);
        customer(kehu, "二维码客户<b>甲</b>", "KEY");
        String name = "秋季回访 " + UUID.randomUUID().toString().substring(0, 6);
        try (KehuUi ui = kehu.ui("manager", Locale.SIMPLIFIED_CHINESE)) {
            ui.navigate("apps/survey/" + CampaignsView.PATH);
            assertThat(text("campaign-count")).matches("共 \\d+ 个调查活动");
            _get(TextField.class, spec -> spec.withId("campaign-name")).setValue(name);
            _get(Select.class, spec -> spec.withId("campaign-audience")).setValue("KEY");
            _get(Checkbox.class, spec -> spec.withId("campaign-public")).setValue(true);
            _click(_get(Button.class, spec -> spec.withId("campaign-send")));

            long sent = new Campaigns(kehu.context()).progress(name).sent();
            assertThat(sent).isPositive();
            assertThat(text("campaign-started")).isEqualTo("已发起“" + name + "”，为 " + sent + " 位客户各生成了一个专属链接。");
            assertThat(text("campaign-public-link")).startsWith("http").contains("/public/survey/open?c=");
            assertThat(text("campaign-links")).contains("链接只在此显示一次").contains("二维码客户<b>甲</b>")
                    .contains("下载链接表格（Excel）");
            assertThat(_find(Image.class)).isNotEmpty().allSatisfy(img -> assertThat(img.getSrc())
                    .startsWith("data:image/svg+xml;base64,"));

            long id = new Campaigns(kehu.context()).find(name).orElseThrow().id();
            assertThat(text("campaign-progress-" + id))
                    .isEqualTo("已发送 " + sent + " · 已打开 0 · 已作答 0 · 回复率 0% · 公开链接答卷 0");
            _click(_get(Button.class, spec -> spec.withId("campaign-remind-" + id)));
            assertThat(text("campaign-reminded-" + id)).startsWith("已就 " + sent + " 位未作答客户通知其负责人（");

            _get(TextField.class, spec -> spec.withId("campaign-name")).setValue(name);
            _click(_get(Button.class, spec -> spec.withId("campaign-send")));
            assertThat(text("campaign-problem")).isEqualTo("已有名为“" + name + "”的调查活动，请换一个名称。");
        }
    }

    @Test
    void theirPublicLinkOpensWithoutSignInAndTakesAnswersFromSeveralVisitors(KehuTestHost kehu) throws Exception {
        standard(kehu);
        String token = new Campaigns(kehu.context()).start("公开链接 " + UUID.randomUUID(), StandardSurvey.KEY,
                Campaigns.Segment.nobody(), java.time.Duration.ofDays(1), true).publicToken();
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> open = http.send(HttpRequest.newBuilder(URI.create(kehu.baseUrl()
                + "/public/survey/open?c=" + token)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(open.statusCode()).isEqualTo(200);
        try (KehuUi ui = kehu.ui("staff", Locale.SIMPLIFIED_CHINESE)) {
            for (int visitor = 0; visitor < 2; visitor++) {
                UI.getCurrent().navigate("public/survey/open", QueryParameters.of("c", token));
                for (String q : List.of("quality", "service", "speed", "price", "overall")) {
                    rating(q).setValue(5);
                }
                rating("recommend").setValue(9);
                Button submit = _get(Button.class, spec -> spec.withId("survey-answer-submit"));
                _click(submit);
                assertThat(text("survey-answer-thanks")).isEqualTo("提交成功，感谢您的反馈！");
            }
            UI.getCurrent().navigate("public/survey/open", QueryParameters.of("c", "not-a-token"));
            assertThat(text("survey-answer-message")).startsWith("这个链接无效");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAnalyticsShowTheFiguresByTierAndDrillThroughToTheResponses(KehuTestHost kehu) {
        String key = "analytics_" + UUID.randomUUID().toString().substring(0, 6);
        String empty = "analytics_empty_" + UUID.randomUUID().toString().substring(0, 6);
        for (String k : List.of(key, empty)) {
            new SurveyCatalog(kehu.context()).save(k, io.kehu.sdk.LocalText.of("分析问卷 " + k, "Analytics " + k),
                    StandardSurvey.greeting(), StandardSurvey.questions(), "admin");
        }
        SurveyService service = new SurveyService(kehu.context());
        long c = customer(kehu, "分析客户", "KEY");
        service.submit(new Submission(key, c, null, null, null, "phone", null, CampaignContract.GOOD, null),
                kehu.context().records());
        service.submit(new Submission(key, c, null, null, null, "phone", null, CampaignContract.POOR, null),
                kehu.context().records());
        try (KehuUi ui = kehu.ui("manager", Locale.SIMPLIFIED_CHINESE)) {
            ui.navigate("apps/survey/" + AnalyticsView.PATH);
            _get(Select.class, spec -> spec.withId("analytics-survey")).setValue(key);
            assertThat(text("analytics-summary")).startsWith("答卷 2 份（上期 0 份） · 专属链接回复率 —");
            assertThat(text("analytics-figures")).contains("满意率 CSAT 50%（共 10 个评分）")
                    .contains("净推荐值 NPS 0（2 人作答）");
            assertThat(text("analytics-compare")).isEqualTo("较上期：CSAT — 个百分点 · NPS —");
            assertThat(text("survey-analytics")).contains("按客户等级（1 组）").contains("大客户").contains("导出分组结果（Excel）");
            _click(_get(Button.class, spec -> spec.withId("analytics-drill-0")));
            assertThat(text("analytics-drill")).contains("答卷：大客户");
            Grid<?> grid = _get(Grid.class, spec -> spec.withId("analytics-responses"));
            assertThat(GridKt._size(grid)).isEqualTo(2);
            _get(Select.class, spec -> spec.withId("analytics-survey")).setValue(empty);
            assertThat(text("analytics-empty")).startsWith("这段时间还没有答卷");
        }
    }

    /** A rating's field: numbers (radio buttons) or stars and smileys ({@link RatingPicker}). */
    @SuppressWarnings("unchecked")
    private static com.vaadin.flow.component.HasValue<?, Integer> rating(String question) {
        Div block = _get(Div.class, spec -> spec.withId("q-" + question));
        return (com.vaadin.flow.component.HasValue<?, Integer>) block.getChildren().filter(c -> c instanceof RadioButtonGroup
                // the view's classes come from the plugin's class loader, not the test's: by name
                || c.getClass().getSimpleName().equals("RatingPicker")).findFirst().orElseThrow();
    }
}
