package io.kehu.plugins.survey;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.select.Select;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.KehuUi;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The text answers on the analytics screen (H2, Karibu, zh-CN): filtered by question, NPS range, tier and region,
 * counted, an empty state, each answer linking to its response and shown as text (a script in an answer stays text).
 */
@KehuPluginTest
class TextAnswersTest {

    private static String text(String id) {
        return _get(Component.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    private static long customer(PluginContext context, String name, String tier, String region) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", name);
        values.put("email", "t" + System.nanoTime() + "@example.com");
        values.put("level", tier);
        values.put("region", region);
        return context.records().create("customer", values).id();
    }

    @Test
    @SuppressWarnings("unchecked")
    void managersReadWhatCustomersWroteByQuestionScoreTierAndRegion(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        String key = "texts_" + UUID.randomUUID().toString().substring(0, 6);
        new SurveyCatalog(context).save(key, LocalText.of("文字题问卷", "Text survey"), null, List.of(
                Question.nps("recommend", "推荐意愿？", "Recommend?"),
                Question.of("why", QuestionType.COMMENT, Dimension.OVERALL, "请说说原因", "Why?"),
                Question.of("engineer", QuestionType.TEXT, Dimension.SERVICE, "工程师姓名", "Engineer")), "admin");
        long east = customer(context, "华东客户", "KEY", "east_china");
        long south = customer(context, "华南客户", "NORMAL", "south_china");
        SurveyService service = new SurveyService(context);
        long poor = service.submit(new Submission(key, east, null, null, null, "phone", null,
                Map.of("recommend", 3, "why", "送货太慢<script>alert(1)</script>"), null), context.records())
                .response().id();
        service.submit(new Submission(key, south, null, null, null, "phone", null,
                Map.of("recommend", 10, "why", "很满意", "engineer", "李工"), null), context.records());

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ResultsBreakdown.Period period = new ResultsBreakdown.Period(now.minusDays(1), now.plusMinutes(1));
        List<Survey> surveys = new SurveyCatalog(context).all();
        assertThat(find(context, surveys, new TextAnswers.Filter(key, period, null, null, null, null, null)))
                .hasSize(3);
        assertThat(find(context, surveys, new TextAnswers.Filter(key, period, "why", null, null, null, null)))
                .hasSize(2);
        assertThat(find(context, surveys, new TextAnswers.Filter(key, period, null, 0, 6, null, null)))
                .singleElement().satisfies(a -> assertThat(a.response()).isEqualTo(poor));
        assertThat(find(context, surveys, new TextAnswers.Filter(key, period, null, null, null, "NORMAL", null)))
                .extracting(TextAnswers.Answer::text).containsExactly("很满意", "李工");
        assertThat(find(context, surveys, new TextAnswers.Filter(key, period, null, null, null, null,
                "east_china"))).hasSize(1);
        assertThat(find(context, surveys, new TextAnswers.Filter(key, period.previous(), null, null, null, null,
                null))).isEmpty();

        try (KehuUi ui = kehu.ui("manager", Locale.SIMPLIFIED_CHINESE)) {
            ui.navigate("apps/survey/" + AnalyticsView.PATH);
            _get(Select.class, spec -> spec.withId("analytics-survey")).setValue(key);
            assertThat(text("analytics-texts")).startsWith("文字回答");
            assertThat(text("analytics-texts-count")).isEqualTo("共 3 条文字回答");
            _get(Select.class, spec -> spec.withId("analytics-texts-nps-to")).setValue(6);
            assertThat(text("analytics-texts-count")).isEqualTo("共 1 条文字回答");
            assertThat(text("analytics-texts-list")).contains("送货太慢<script>alert(1)</script>")
                    .contains("大客户").contains("华东").contains("推荐意愿 3").contains("请说说原因")
                    .doesNotContain("很满意");
            assertThat(_find(Anchor.class, spec -> spec.withText("查看答卷"))).singleElement()
                    .satisfies(a -> assertThat(a.getHref()).isEqualTo("forms/survey_response/" + poor));
            _get(Select.class, spec -> spec.withId("analytics-texts-nps-to")).setValue(null);
            _get(Select.class, spec -> spec.withId("analytics-texts-question")).setValue("engineer");
            assertThat(text("analytics-texts-list")).contains("共 1 条文字回答").contains("李工");
            _get(Select.class, spec -> spec.withId("analytics-texts-region")).setValue("northeast");
            assertThat(text("analytics-texts-count")).isEqualTo("共 0 条文字回答");
            assertThat(text("analytics-texts-empty")).isEqualTo("没有符合条件的文字回答。请放宽筛选条件或选择更长的时间段。");
        }
    }

    private static List<TextAnswers.Answer> find(PluginContext context, List<Survey> surveys,
            TextAnswers.Filter filter) {
        return TextAnswers.find(context.records(), context.json(), surveys, filter).answers();
    }
}
