package io.kehu.plugins.survey;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.KehuUi;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The survey builder in Chinese (Karibu, H2): questions added with forms, reordered, removed, saved as a version. */
@KehuPluginTest
class SurveyBuilderViewTest {

    private static String text(String id) {
        return _get(Component.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    private static void set(String id, String value) {
        Component c = _get(Component.class, spec -> spec.withId(id));
        if (c instanceof TextArea area) {
            area.setValue(value);
        } else {
            ((TextField) c).setValue(value);
        }
    }

    /** Picks an enum item by name: the view's enums come from the plugin's class loader, not the test's. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void choose(String id, String name) {
        Select select = _get(Select.class, spec -> spec.withId(id));
        select.setValue(select.getListDataView().getItems().filter(i -> i.toString().equals(name)).findFirst()
                .orElseThrow());
    }

    private static void click(String id) {
        _click(_get(Button.class, spec -> spec.withId(id)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdminBuildsASurveyWithFormsReordersItAndSavesIt(KehuTestHost kehu) {
        String key = "built_" + UUID.randomUUID().toString().substring(0, 6);
        try (KehuUi ui = kehu.ui("admin", Locale.SIMPLIFIED_CHINESE)) {
            ui.navigate("apps/survey/" + SurveyBuilderView.PATH);
            assertThat(text("builder-empty")).isEqualTo("还没有题目。请在下方添加第一道题。");
            click("builder-save");
            assertThat(text("builder-status")).isEqualTo("请填写以字母开头、由小写字母、数字和下划线组成的问卷代码。");
            set("builder-code", key);
            set("builder-title-zh", "门店服务调查");

            set("builder-q-name", "Bad Name");
            click("builder-add");
            assertThat(text("builder-status")).isEqualTo("题目代码须以小写字母开头，只含小写字母、数字和下划线。");
            set("builder-q-name", "speed");
            set("builder-q-zh", "您对响应速度满意吗？");
            choose("builder-q-dimension", "SPEED");
            click("builder-add");
            assertThat(text("builder-status")).isEqualTo("已添加题目 speed。");

            set("builder-q-name", "source");
            set("builder-q-zh", "您从哪里了解我们？");
            choose("builder-q-type", "SINGLE_CHOICE");
            click("builder-add");
            assertThat(text("builder-status")).isEqualTo("这种题型至少需要一个选项（矩阵至少一行）。");
            set("builder-q-options", "friend|朋友推荐|A friend\nweb|网络|The web");
            click("builder-add");
            set("builder-q-name", "speed");
            set("builder-q-zh", "重复");
            choose("builder-q-type", "COMMENT");
            click("builder-add");
            assertThat(text("builder-status")).isEqualTo("已有代码为 speed 的题目，请换一个。");

            click("builder-up-source");
            assertThat(text("builder-questions")).contains("共 2 道题").contains("1. 您从哪里了解我们？ — 单选")
                    .contains("2. 您对响应速度满意吗？ — 评分 · 响应速度");
            click("builder-save");
            assertThat(text("builder-status")).isEqualTo("已保存：第 1 版，2 道题。");
        }
        SurveyVersion saved = new SurveyCatalog(kehu.context()).get(key).orElseThrow().current();
        assertThat(saved.title().zh()).isEqualTo("门店服务调查");
        assertThat(saved.questions()).extracting(Question::name).containsExactly("source", "speed");
        assertThat(saved.questions().getFirst().choices()).extracting(Question.Choice::value)
                .containsExactly("friend", "web");
        assertThat(saved.questions().getLast().dimension()).isEqualTo(Dimension.SPEED);
        assertThat(saved.questions().getLast().scale()).isEqualTo(5);

        try (KehuUi ui = kehu.ui("admin", Locale.SIMPLIFIED_CHINESE)) {
            ui.navigate("apps/survey/" + SurveyBuilderView.PATH);
            _get(Select.class, spec -> spec.withId("builder-survey")).setValue(key);
            click("builder-remove-source");
            click("builder-save");
            assertThat(text("builder-status")).isEqualTo("已保存：第 1 版，1 道题。"); // nobody answered: replaced
        }
        assertThat(new SurveyCatalog(kehu.context()).get(key).orElseThrow().current().questions())
                .extracting(Question::name).containsExactly("speed");
    }

    @Test
    void anAdminPutsQuestionsOnPagesMovesThemAcrossAndReordersPages(KehuTestHost kehu) {
        String key = "paged_" + UUID.randomUUID().toString().substring(0, 6);
        try (KehuUi ui = kehu.ui("admin", Locale.SIMPLIFIED_CHINESE)) {
            ui.navigate("apps/survey/" + SurveyBuilderView.PATH);
            set("builder-code", key);
            set("builder-title-zh", "分页问卷");
            addRating("quality", "产品质量如何？");
            addRating("price", "价格如何？");
            click("builder-add-page");
            assertThat(text("builder-status")).isEqualTo("接下来添加的题目将放在新的第 2 页。");
            addRating("speed", "响应速度如何？");
            addRating("service", "服务态度如何？");
            assertThat(text("builder-questions")).contains("第 1 页（2 道题）").contains("第 2 页（2 道题）");
            // the first question of page 2 moved up goes to the end of page 1
            click("builder-up-speed");
            assertThat(text("builder-page-1")).startsWith("第 1 页（3 道题）");
            // the pages change places with all their questions
            click("builder-page-up-2");
            assertThat(text("builder-questions")).contains("1. 服务态度如何？").contains("2. 产品质量如何？")
                    .contains("第 2 页（3 道题）");
            click("builder-save");
            assertThat(text("builder-status")).isEqualTo("已保存：第 1 版，4 道题。");
        }
        SurveyVersion saved = new SurveyCatalog(kehu.context()).get(key).orElseThrow().current();
        assertThat(saved.pages()).hasSize(2);
        assertThat(saved.pages().get(0)).extracting(Question::name).containsExactly("service");
        assertThat(saved.pages().get(1)).extracting(Question::name).containsExactly("quality", "price", "speed");
    }

    private static void addRating(String name, String zh) {
        set("builder-q-name", name);
        set("builder-q-zh", zh);
        choose("builder-q-type", "RATING");
        click("builder-add");
        assertThat(text("builder-status")).isEqualTo("已添加题目 " + name + "。");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdminChangesAnAnsweredQuestionAndGetsANewVersionComparableByCode(KehuTestHost kehu) {
        String key = "edited_" + UUID.randomUUID().toString().substring(0, 6);
        new SurveyCatalog(kehu.context()).save(key, io.kehu.sdk.LocalText.of("修改测试", "Edit test"), null,
                java.util.List.of(Question.rating("quality", Dimension.QUALITY, 5, "产品质量如何？", "Quality?"),
                        new Question("source", QuestionType.SINGLE_CHOICE, Dimension.OVERALL,
                                io.kehu.sdk.LocalText.of("从哪里了解我们？", "Where from?"), null,
                                java.util.List.of(new Question.Choice("web", io.kehu.sdk.LocalText.of("网络", "Web"))),
                                false, null, false, null)), "admin");
        long c = SurveyStoreContract.customer(kehu.context(), "修改题目客户");
        new SurveyService(kehu.context()).submit(new Submission(key, c, null, null, null, "phone", "staff",
                java.util.Map.of("quality", 2), null), kehu.context().records());
        try (KehuUi ui = kehu.ui("admin", Locale.SIMPLIFIED_CHINESE)) {
            ui.navigate("apps/survey/" + SurveyBuilderView.PATH);
            _get(Select.class, spec -> spec.withId("builder-survey")).setValue(key);
            click("builder-edit-quality");
            assertThat(text("builder-status")).startsWith("正在修改题目 quality");
            assertThat(_get(TextField.class, spec -> spec.withId("builder-q-name")).isReadOnly()).isTrue();
            assertThat(_get(TextField.class, spec -> spec.withId("builder-q-zh")).getValue()).isEqualTo("产品质量如何？");
            set("builder-q-zh", "您对产品质量满意吗？");
            choose("builder-q-dimension", "SERVICE");
            _get(Select.class, spec -> spec.withId("builder-q-look")).setValue(Question.STARS);
            click("builder-add");
            assertThat(text("builder-status")).isEqualTo("已更新题目 quality。点“保存问卷”后生效。");

            click("builder-edit-source");
            assertThat(_get(TextArea.class, spec -> spec.withId("builder-q-options")).getValue())
                    .isEqualTo("web|网络|Web");
            set("builder-q-options", "web|网络|Web\nfriend|朋友|A friend");
            click("builder-add");
            click("builder-save");
            assertThat(text("builder-status")).startsWith("第 1 版已有答卷，保持不变；修改已保存为第 2 版，2 道题。");
            assertThat(text("builder-row-quality")).contains("您对产品质量满意吗？").contains("服务态度").contains("措辞已改");
            assertThat(text("builder-row-source")).doesNotContain("措辞已改");
        }
        Survey survey = new SurveyCatalog(kehu.context()).get(key).orElseThrow();
        assertThat(survey.versions()).hasSize(2);
        assertThat(survey.version(1).orElseThrow().question("quality").orElseThrow().title().zh())
                .isEqualTo("产品质量如何？"); // the answered version is as it was
        Question changed = survey.current().question("quality").orElseThrow();
        assertThat(changed.dimension()).isEqualTo(Dimension.SERVICE);
        assertThat(changed.look()).isEqualTo(Question.STARS);
        assertThat(survey.current().question("source").orElseThrow().choices()).extracting(Question.Choice::value)
                .containsExactly("web", "friend");
        assertThat(survey.wordingChanged("quality")).isTrue();
    }
}
