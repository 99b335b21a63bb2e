package io.kehu.plugins.visits;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.kehu.plugins.visits.BookingScenarios.at;
import static io.kehu.plugins.visits.BookingScenarios.book;
import static io.kehu.plugins.visits.BookingScenarios.customer;
import static io.kehu.plugins.visits.BookingScenarios.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
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
import com.vaadin.flow.component.upload.Upload;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.KehuUi;
import io.kehu.sdk.ui.RecordPanel;
import io.kehu.sdk.users.UserInfo;
import java.nio.charset.StandardCharsets;
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
    void aComplaintBooksItsOnSiteVisitFromItsTab(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        long customer = customer(context, "投诉上门客户", null);
        long staff = user(context, "staff");
        long complaint = context.records().create(ComplaintVisitsPanel.COMPLAINT, Map.of("customer", customer,
                "feedback_type", "complaint", "severity", "high", "description", "热水器安装后漏水",
                "handler", staff, "received_at", java.time.OffsetDateTime.now())).id();
        RecordPanel panel = kehu.extension(RecordPanel.class, ComplaintVisitsPanel.class);
        assertThat(panel.title().zh()).isEqualTo("上门处理");
        try (KehuUi ui = kehu.ui("manager", Locale.SIMPLIFIED_CHINESE)) {
            Component tab = kehu.callAsUser("manager", () -> panel.create(context, complaint));
            ui.navigate("apps/service-visit/" + TodayView.PATH);
            ui.ui().add(tab);
            assertThat(text("complaint-visits-empty")).contains("还没有预约上门处理");
            // proposed: the complaint-on-site type and the complaint's handler
            assertThat(_get(Select.class, spec -> spec.withId("complaint-book-type")).getValue()).isNotNull();
            assertThat(((UserInfo) _get(Select.class,
                    spec -> spec.withId("complaint-book-visitor")).getValue()).id()).isEqualTo(staff);
            _click(_get(Button.class, spec -> spec.withId("complaint-book-submit")));
            assertThat(text("complaint-book-outcome")).contains("请选择");
            LocalDate day = BookingScenarios.freshDay();
            _get(DatePicker.class, spec -> spec.withId("complaint-book-day")).setValue(day);
            _click(_get(Button.class, spec -> spec.withId("complaint-book-submit")));
            assertThat(text("complaint-book-outcome")).contains("已预约").contains(day.toString());
            assertThat(text("complaint-visits-list")).contains("已预约");
        }
        List<RecordData> visits = context.records().search(VisitForms.VISIT)
                .where("complaint", FilterOperator.EQUALS, complaint).list();
        assertThat(visits).hasSize(1);
        assertThat(visits.getFirst().get("origin")).isEqualTo("complaint");
        assertThat(visits.getFirst().get("customer")).isEqualTo(customer);
        assertThat(visits.getFirst().get("visitor")).isEqualTo(staff);
    }

    @Test
    void theVisitorCancelsABookedVisitWithItsReason(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        long customer = customer(context, "取消客户", null);
        RecordData visit = book(context, customer, "maintenance", user(context, "staff"),
                at(LocalDate.now(Texts.ZONE), 18, 30));
        try (KehuUi ui = kehu.ui("staff", Locale.SIMPLIFIED_CHINESE)) {
            ui.navigate("apps/service-visit/" + TodayView.PATH);
            _click(_get(Button.class, spec -> spec.withId("visit-open-" + visit.id())));
            assertThat(text("visit-history-empty")).contains("还没有流程记录");
            assertThat(_get(Button.class, spec -> spec.withId("visit-move")).getText()).isEqualTo("客户已确认");
            _click(_get(Button.class, spec -> spec.withId("visit-cancel")));
            _click(_get(Button.class, spec -> spec.withId("visit-cancel-confirm"))); // no reason yet
            assertThat(_get(TextField.class, spec -> spec.withId("visit-cancel-reason")).getErrorMessage())
                    .isEqualTo("请填写取消原因");
            _get(TextField.class, spec -> spec.withId("visit-cancel-reason")).setValue("客户临时出差");
            _click(_get(Button.class, spec -> spec.withId("visit-cancel-confirm")));
            assertThat(text("visit-state")).contains("已取消");
            assertThat(text("visit-history")).contains("取消上门：客户临时出差");
            _assertNone(Button.class, spec -> spec.withId("visit-move"));
        }
        assertThat(context.records().get(VisitForms.VISIT, visit.id()).orElseThrow().get("cancel_reason"))
                .isEqualTo("客户临时出差");
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

            // the line that asks for a photo has none yet: refused, said in Chinese
            _get(TextField.class, spec -> spec.withId("signer-name")).setValue("李女士");
            _get(Input.class, spec -> spec.withId("signature-strokes")).setValue("M10,10 L40,60 L80,20");
            _click(_get(Button.class, spec -> spec.withId("visit-sign")));
            assertThat(text("visit-error")).contains("需要照片的检查没有上传照片");
            RecordData photoLine = checks.stream().filter(c -> Boolean.TRUE.equals(c.get("photo_required")))
                    .findFirst().orElseThrow();
            Upload upload = _get(Upload.class, spec -> spec.withId("photo-upload-" + photoLine.id()));
            assertThat(text("photo-count-" + photoLine.id())).isEqualTo("还没有照片");
            // a file that only claims to be a photo is refused by its bytes
            UploadKt._upload(upload, "fake.jpg", "image/jpeg", "not a picture".getBytes(StandardCharsets.UTF_8));
            MockVaadin.clientRoundtrip(false);
            assertThat(text("photo-status-" + photoLine.id())).isEqualTo("不是可读取的 JPEG 或 PNG 照片");
            UploadKt._upload(upload, "part.png", "image/png", Photos.png(2400, 1800));
            MockVaadin.clientRoundtrip(false);
            assertThat(text("photo-status-" + photoLine.id())).isEqualTo("照片已保存");
            assertThat(text("photo-count-" + photoLine.id())).isEqualTo("已有 1 张照片");

            _get(TextField.class, spec -> spec.withId("signer-name")).setValue("李女士");
            _get(Input.class, spec -> spec.withId("signature-strokes")).setValue("M10,10 L40,60 L80,20");
            _click(_get(Button.class, spec -> spec.withId("visit-sign")));
            assertThat(text("visit-signed")).contains("李女士").contains("签字确认");
            assertThat(text("visit-hash")).contains("SHA-256").contains("与签字时一致");
            assertThat(text("visit-state")).contains("客户已签字");
            // each step of the visit's workflow is in its history, by name and in Chinese
            assertThat(text("visit-history")).contains("流程记录").contains("客户已确认").contains("到达签到")
                    .contains("客户签字确认").doesNotContain("check_in");

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
            // other tests cancel visits in this shared database: a period nobody booked in
            _get(DatePicker.class, spec -> spec.withId("review-from")).setValue(LocalDate.now().plusYears(30));
            _get(DatePicker.class, spec -> spec.withId("review-to")).setValue(LocalDate.now().plusYears(30));
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
