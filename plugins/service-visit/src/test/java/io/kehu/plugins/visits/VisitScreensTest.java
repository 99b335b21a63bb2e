package io.kehu.plugins.visits;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.kehu.plugins.visits.BookingScenarios.at;
import static io.kehu.plugins.visits.BookingScenarios.book;
import static io.kehu.plugins.visits.BookingScenarios.customer;
import static io.kehu.plugins.visits.BookingScenarios.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.KehuUi;
import io.kehu.sdk.ui.RecordPanel;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The phone screen, the customer's tab and the review, in Chinese, through Karibu on the real host (H2). */
@KehuPluginTest
class VisitScreensTest {

    private static String text(String id) {
        return _get(Component.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    @SuppressWarnings("unchecked")
    private static void answer(RecordData check, String result) {
        RadioButtonGroup<String> group = _get(RadioButtonGroup.class, spec -> spec.withId("check-" + check.id()));
        group.setValue(result);
    }

    @Test
    void theVisitorWorksTodaysVisitOnThePhoneAndTheCustomerSignsAndRates(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        long customer = context.records().create("customer", Map.of("name", "手机客户", "phone", "13912345678",
                "address", "杭州市西湖区文三路 90 号")).id();
        long staff = user(context, "staff");
        RecordData visit = book(context, customer, "repair", staff, at(LocalDate.now(Texts.ZONE), 10, 0));
        try (KehuUi ui = kehu.ui("staff", Locale.SIMPLIFIED_CHINESE)) {
            ui.navigate("apps/service-visit/" + TodayView.PATH);
            assertThat(text("today-count")).contains("今天共").doesNotContain("{");
            String card = text("visit-card-" + visit.id());
            assertThat(card).contains("10:00–11:30").contains("已预约").contains("杭州市西湖区文三路 90 号")
                    .doesNotContain("booked");
            assertThat(_get(Anchor.class, spec -> spec.withId("visit-call-" + visit.id())).getHref())
                    .isEqualTo("tel:13912345678");
            _click(_get(Button.class, spec -> spec.withId("visit-open-" + visit.id())));
            _click(_get(Button.class, spec -> spec.withId("visit-move"))); // customer confirmed
            assertThat(text("visit-state")).contains("已确认");
            _click(_get(Button.class, spec -> spec.withId("visit-move"))); // check in
            assertThat(text("visit-state")).contains("服务中");
            assertThat(text("visit-checklist")).contains("离场准则").contains("未收取现金").contains("需要照片");

            List<RecordData> checks = context.records().search(VisitForms.CHECK)
                    .where("visit", FilterOperator.EQUALS, visit.id()).sortBy("id", false).limit(100).list();
            // signing with items open is refused on the server, with the reason on the screen
            _get(TextField.class, spec -> spec.withId("signer-name")).setValue("李女士");
            _get(Input.class, spec -> spec.withId("signature-strokes")).setValue("M10,10 L40,60 L80,20");
            _click(_get(Button.class, spec -> spec.withId("visit-sign")));
            assertThat(text("visit-error")).contains("项必填检查未完成").doesNotContain("required");

            // every answer is saved at once (autosave); a problem is saved with its note
            for (RecordData check : checks) {
                if (check.equals(checks.getFirst())) {
                    answer(check, "problem");
                    _get(TextArea.class, spec -> spec.withId("note-" + check.id())).setValue("旧管件锈蚀，建议更换");
                } else {
                    answer(check, "done");
                }
            }
            assertThat(context.records().search(VisitForms.CHECK).where("visit", FilterOperator.EQUALS, visit.id())
                    .where("result", FilterOperator.IS_EMPTY).list()).isEmpty();
            long required = checks.stream().filter(c -> Boolean.TRUE.equals(c.get("required"))).count();
            assertThat(text("visit-progress")).contains("已完成 " + required + "/" + required + " 项必填");

            _get(TextField.class, spec -> spec.withId("signer-name")).setValue("李女士");
            _get(Input.class, spec -> spec.withId("signature-strokes")).setValue("M10,10 L40,60 L80,20");
            _click(_get(Button.class, spec -> spec.withId("visit-sign")));
            assertThat(text("visit-signed")).contains("李女士").contains("签字确认");
            assertThat(text("visit-state")).contains("客户已签字");

            @SuppressWarnings("unchecked")
            RadioButtonGroup<Integer> rating = _get(RadioButtonGroup.class, spec -> spec.withId("feedback-rating"));
            rating.setValue(4);
            _get(TextArea.class, spec -> spec.withId("feedback-comment")).setValue("师傅很专业，现场很干净");
            _click(_get(Button.class, spec -> spec.withId("feedback-submit")));
            assertThat(text("feedback-thanks")).contains("感谢");
        }
        RecordData signed = context.records().get(VisitForms.VISIT, visit.id()).orElseThrow();
        assertThat(signed.get("signature")).isEqualTo("M10,10 L40,60 L80,20");
        assertThat(signed.get("signer_name")).isEqualTo("李女士");

        // the customer's tab lists the visit and archives the feedback card
        RecordPanel panel = kehu.extension(RecordPanel.class, CustomerVisitsPanel.class);
        try (KehuUi ui = kehu.ui("manager", Locale.SIMPLIFIED_CHINESE)) {
            Component tab = kehu.callAsUser("manager", () -> panel.create(context, customer));
            String tabText = tab.getElement().getTextRecursively();
            assertThat(tabText).contains("上门记录（1）").contains("客户已签字").contains("反馈卡存档（1）")
                    .contains("4 星").contains("师傅很专业");
            Component none = kehu.callAsUser("manager", () -> panel.create(context,
                    customer(context, "无上门客户", null)));
            assertThat(none.getElement().getTextRecursively()).contains("该客户还没有上门服务记录")
                    .contains("该客户还没有反馈卡");
        }
    }

    @Test
    void aVisitorWithNothingTodaySeesTheEmptyState(KehuTestHost kehu) {
        try (KehuUi ui = kehu.ui("admin", Locale.SIMPLIFIED_CHINESE)) {
            ui.navigate("apps/service-visit/" + TodayView.PATH);
            assertThat(text("today-empty")).isEqualTo("今天没有安排给您的上门服务。");
        }
    }

    @Test
    void managersReviewCountsOverdueVisitsAndProblems(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        long manager = user(context, "manager");
        long customer = customer(context, "逾期客户", null);
        book(context, customer, "maintenance", manager, at(LocalDate.now(Texts.ZONE).minusDays(3), 9, 0));
        try (KehuUi ui = kehu.ui("manager", Locale.SIMPLIFIED_CHINESE)) {
            ui.navigate("apps/service-visit/" + ReviewView.PATH);
            assertThat(text("review-counts")).startsWith("共 ").contains("已预约：").doesNotContain("booked");
            assertThat(text("review-overdue")).contains("逾期未完成的上门").contains("保养 · 逾期客户")
                    .contains("已预约");
            assertThat(_find(Paragraph.class, spec -> spec.withId("review-empty"))).isEmpty();
            @SuppressWarnings("unchecked")
            Select<String> status = _get(Select.class, spec -> spec.withId("review-status"));
            status.setValue("cancelled");
            assertThat(text("review-counts")).isEqualTo("共 0 次");
            assertThat(_get(Paragraph.class, spec -> spec.withId("review-empty")).isVisible()).isTrue();
            assertThat(text("review-overdue")).contains("没有逾期的上门");
            assertThat(_find(Div.class, spec -> spec.withId("review-problems"))).hasSize(1);

            // booking by hand: the first free half hour of the visitor in the customer's window
            LocalDate day = BookingScenarios.freshDay();
            book(context, customer, "inspection", manager, at(day, 13, 30)); // 45 minutes: 13:30–14:15
            @SuppressWarnings("unchecked")
            ComboBox<RecordData> who = _get(ComboBox.class, spec -> spec.withId("book-customer"));
            who.setValue(context.records().get("customer", customer).orElseThrow());
            @SuppressWarnings("unchecked")
            Select<RecordData> type = _get(Select.class, spec -> spec.withId("book-type"));
            type.setValue(type.getListDataView().getItems().filter(t -> "repair".equals(t.get("kind"))).findFirst()
                    .orElseThrow());
            @SuppressWarnings("unchecked")
            Select<io.kehu.sdk.users.UserInfo> visitor = _get(Select.class, spec -> spec.withId("book-visitor"));
            visitor.setValue(visitor.getListDataView().getItems().filter(u -> u.id() == manager).findFirst()
                    .orElseThrow());
            _get(DatePicker.class, spec -> spec.withId("book-day")).setValue(day);
            @SuppressWarnings("unchecked")
            Select<Object> window = _get(Select.class, spec -> spec.withId("book-window"));
            window.setValue(window.getListDataView().getItems().filter(w -> w.toString().equals("AFTERNOON"))
                    .findFirst().orElseThrow());
            _click(_get(Button.class, spec -> spec.withId("book-submit")));
            assertThat(text("book-outcome")).startsWith("已预约：维修 · 逾期客户").contains(day + " 14:30–16:00");
        }
    }
}
