package io.kehu.plugins.survey;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.KehuUi;
import io.kehu.sdk.ui.RecordPanel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The surveys screen (import report in the admin's language), staff entry and the Satisfaction tab (Karibu, H2). */
@KehuPluginTest
class SurveyViewsTest {

    private static String text(String id) {
        return _get(Component.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = SurveyViewsTest.class.getResourceAsStream("/surveyjs/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void adminImportsASurveyJsSurveyAndReadsTheReportInChinese(KehuTestHost kehu) throws IOException {
        try (KehuUi ui = kehu.ui("admin", Locale.SIMPLIFIED_CHINESE)) {
            ui.navigate("apps/survey/" + SurveysView.PATH);
            _get(TextField.class, spec -> spec.withId("survey-import-key")).setValue("Bad Key");
            _click(_get(Button.class, spec -> spec.withId("survey-import-run")));
            assertThat(text("survey-import-report")).contains("请填写以字母开头");
            _get(TextField.class, spec -> spec.withId("survey-import-key")).setValue("cs_import");
            _get(TextArea.class, spec -> spec.withId("survey-import-json")).setValue(fixture("customer-satisfaction.json"));
            _click(_get(Button.class, spec -> spec.withId("survey-import-run")));
            assertThat(text("survey-import-report")).contains("已导入 5 道题")
                    .contains("已对应：6 · 近似导入：0 · 未导入：1").contains("已对应 — pages：2 页，逐页作答")
                    .contains("未导入 — thanks：不支持的题型 html")
                    .doesNotContain("Mapped");
            assertThat(text("survey-cs_import")).contains("Customer Satisfaction Survey").contains("第 1 版，5 道题")
                    .contains("还没有答卷");
        }
        try (KehuUi ui = kehu.ui("admin", Locale.ENGLISH)) {
            ui.navigate("apps/survey/" + SurveysView.PATH);
            _get(TextField.class, spec -> spec.withId("survey-import-key")).setValue("cs_import_en");
            _get(TextArea.class, spec -> spec.withId("survey-import-json")).setValue("{\"pages\": [");
            _click(_get(Button.class, spec -> spec.withId("survey-import-run")));
            assertThat(text("survey-import-report")).startsWith("Not imported:");
        }
    }

    @Test
    void aManagerEntersAPhoneRevisitAndTheCustomerTabShowsIt(KehuTestHost kehu) {
        kehu.asUser("admin", () -> new SurveyCatalog(kehu.context()).save(StandardSurvey.KEY, StandardSurvey.title(),
                StandardSurvey.greeting(), StandardSurvey.questions(), "admin"));
        long customer = SurveyStoreContract.customer(kehu.context(), "电话回访客户");
        RecordData record = kehu.context().records().get("customer", customer).orElseThrow();
        try (KehuUi ui = kehu.ui("manager", Locale.SIMPLIFIED_CHINESE)) {
            ui.navigate("apps/survey/" + StaffEntryView.PATH);
            @SuppressWarnings("unchecked")
            Select<String> survey = _get(Select.class, spec -> spec.withId("survey-entry-survey"));
            survey.setValue(StandardSurvey.KEY);
            _click(_get(Button.class, spec -> spec.withId("survey-entry-submit")));
            assertThat(text("survey-entry-status")).isEqualTo("请先选择客户。");
            @SuppressWarnings("unchecked")
            ComboBox<RecordData> who = _get(ComboBox.class, spec -> spec.withId("survey-entry-customer"));
            who.setValue(record);
            for (String q : List.of("quality", "service", "speed", "price", "overall")) {
                rating(q).setValue(q.equals("speed") ? 2 : 5);
            }
            _click(_get(Button.class, spec -> spec.withId("survey-entry-submit")));
            assertThat(text("survey-entry-status")).startsWith("请回答：您有多大可能向朋友或同事推荐我们？");
            rating("recommend").setValue(9);
            _click(_get(Button.class, spec -> spec.withId("survey-entry-submit")));
            assertThat(text("survey-entry-status")).isEqualTo("已保存。得分偏低，已为同事创建跟进待办。");
        }
        List<RecordData> stored = kehu.recordsAs("admin").search(SurveyForms.RESPONSE)
                .where("customer", FilterOperator.EQUALS, customer).list();
        assertThat(stored).singleElement().satisfies(r -> {
            assertThat(r.get("handler")).isEqualTo("manager");
            assertThat(r.get("channel")).isEqualTo("phone");
            assertThat(kehu.context().workflows().openTasks(SurveyForms.RESPONSE, r.id())).singleElement()
                    .satisfies(t -> assertThat(t.assignee()).isEqualTo("admin"));
        });
        RecordPanel panel = kehu.extension(RecordPanel.class, SatisfactionPanel.class);
        try (KehuUi ui = kehu.ui("manager", Locale.SIMPLIFIED_CHINESE)) {
            Div div = (Div) panel.create(kehu.context(), customer);
            String shown = div.getElement().getTextRecursively();
            // ratings 5, 5, 2, 5, 5: four of five in the top two boxes; NPS 9 is one promoter of one
            assertThat(shown).contains("共 1 份答卷。").contains("满意率 CSAT 80%（共 5 个评分）")
                    .contains("净推荐值 NPS 100（1 人作答）").contains("响应速度 2（1 份答卷）").contains("电话回访")
                    .doesNotContain("n =");
        }
        try (KehuUi ui = kehu.ui("manager")) {
            long nobody = SurveyStoreContract.customer(kehu.context(), "没有答卷的客户");
            assertThat(((Div) panel.create(kehu.context(), nobody)).getElement().getTextRecursively())
                    .isEqualTo("No survey answered yet.");
        }
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
