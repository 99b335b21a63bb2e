package io.kehu.plugins.visits;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.kehu.plugins.visits.BookingScenarios.at;
import static io.kehu.plugins.visits.BookingScenarios.book;
import static io.kehu.plugins.visits.BookingScenarios.customer;
import static io.kehu.plugins.visits.BookingScenarios.freshDay;
import static io.kehu.plugins.visits.BookingScenarios.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.select.Select;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.KehuUi;
import io.kehu.sdk.users.UserInfo;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The agenda (day and week, per person and team), rescheduling and the overdue list, in Chinese (Karibu, H2). */
@KehuPluginTest
class AgendaScreensTest {

    private static String text(String id) {
        return _get(Component.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    @SuppressWarnings("unchecked")
    private static void pick(String id, long userId) {
        Select<UserInfo> select = _get(Select.class, spec -> spec.withId(id));
        select.setValue(select.getListDataView().getItems().filter(u -> u.id() == userId).findFirst().orElseThrow());
    }

    @Test
    void aManagerSeesAPersonsDayWithWarningsAndReschedulesWithoutClashes(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        long customer = customer(context, "日程客户", null);
        long staff = user(context, "staff");
        LocalDate day = freshDay();
        RecordData morning = book(context, customer, "inspection", staff, at(day, 9, 0));
        RecordData afternoon = book(context, customer, "inspection", staff, at(day, 14, 0));
        // entered in the record view outside the customer's window: shown with a warning
        RecordData late = context.records().create(VisitForms.VISIT, Map.of("subject", "晚间拜访", "customer",
                customer, "visit_type", BookingScenarios.type(context, "relationship"), "visitor", staff,
                "planned_start", at(day, 19, 0), "planned_end", at(day, 19, 30), "preferred_window", "morning"));
        try (KehuUi ui = kehu.ui("manager", Locale.SIMPLIFIED_CHINESE)) {
            ui.navigate("apps/service-visit/" + AgendaView.PATH);
            pick("agenda-person", staff);
            _get(Select.class, spec -> spec.withId("agenda-mode")).setValue(AgendaView.DAY);
            _get(DatePicker.class, spec -> spec.withId("agenda-day")).setValue(day);
            assertThat(text("agenda-count")).matches("当天共 \\d+ 次上门");
            assertThat(text("agenda-day-" + day)).contains("09:00").contains("已预约")
                    .contains("晚间拜访").doesNotContain("booked");
            assertThat(text("agenda-warning-" + late.id())).contains("不在客户希望的时段（上午（9:00–12:00））");

            // the week shows seven columns, the day among them
            _get(Select.class, spec -> spec.withId("agenda-mode")).setValue(AgendaView.WEEK);
            assertThat(text("agenda-count")).startsWith("本周共");
            assertThat(text("agenda-day-" + day)).contains("晚间拜访");

            // reschedule onto the morning visit: warned in Chinese, nothing saved
            _click(_get(Button.class, spec -> spec.withId("agenda-reschedule-" + afternoon.id())));
            DateTimePicker start = _get(DateTimePicker.class, spec -> spec.withId("reschedule-start"));
            start.setValue(day.atTime(9, 30));
            assertThat(text("reschedule-warning")).contains("时间冲突").contains(String.valueOf(morning.get("subject")));
            _click(_get(Button.class, spec -> spec.withId("reschedule-save")));
            assertThat(context.records().get(VisitForms.VISIT, afternoon.id()).orElseThrow().get("planned_start"))
                    .isEqualTo(afternoon.get("planned_start"));
            // a free hour: saved, and the agenda follows
            start.setValue(day.atTime(11, 0));
            assertThat(text("reschedule-warning")).contains("该时间没有冲突");
            _click(_get(Button.class, spec -> spec.withId("reschedule-save")));
            OffsetDateTime moved = (OffsetDateTime) context.records().get(VisitForms.VISIT, afternoon.id())
                    .orElseThrow().get("planned_start");
            assertThat(moved.toInstant()).isEqualTo(at(day, 11, 0).toInstant());
            assertThat(text("agenda-day-" + day)).contains("11:00");

            // an empty day says so
            _get(Select.class, spec -> spec.withId("agenda-mode")).setValue(AgendaView.DAY);
            _get(DatePicker.class, spec -> spec.withId("agenda-day")).setValue(LocalDate.now().plusYears(30));
            assertThat(text("agenda-empty")).isEqualTo("这段时间没有上门安排。");
        }
    }

    @Test
    void aDroppedCardMovesToItsDayAtTheSameTimeUnlessItClashes(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        long customer = customer(context, "拖动客户", null);
        long staff = user(context, "staff");
        LocalDate day = freshDay();
        LocalDate other = day.plusDays(1);
        RecordData visit = book(context, customer, "inspection", staff, at(day, 10, 0));
        RecordData blocker = book(context, customer, "inspection", staff, at(other, 10, 0));
        try (KehuUi ui = kehu.ui("staff", Locale.SIMPLIFIED_CHINESE)) {
            ui.navigate("apps/service-visit/" + AgendaView.PATH);
            // the screen's drop handler, as the drop listener calls it
            AgendaView.Screen screen = new AgendaView.Screen(context);
            ui.ui().add(screen.root);
            screen.moveToDay(visit.id(), other); // clashes with the blocker: stays
            assertThat(context.records().get(VisitForms.VISIT, visit.id()).orElseThrow().get("planned_start"))
                    .isEqualTo(visit.get("planned_start"));
            screen.moveToDay(visit.id(), other.plusDays(1));
            OffsetDateTime moved = (OffsetDateTime) context.records().get(VisitForms.VISIT, visit.id())
                    .orElseThrow().get("planned_start");
            assertThat(moved.toInstant()).isEqualTo(at(other.plusDays(1), 10, 0).toInstant());
            assertThat(blocker.get("status")).isEqualTo("booked");
        }
    }

    @Test
    void overdueVisitsAreListedWithTheirCount(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        long customer = customer(context, "逾期客户", null);
        long staff = user(context, "staff");
        LocalDate past = LocalDate.now(Texts.ZONE).minusDays(3);
        RecordData late = context.records().create(VisitForms.VISIT, Map.of("subject", "逾期巡检", "customer",
                customer, "visit_type", BookingScenarios.type(context, "inspection"), "visitor", staff,
                "planned_start", at(past, 7, 0), "planned_end", at(past, 7, 30)));
        try (KehuUi ui = kehu.ui("staff", Locale.SIMPLIFIED_CHINESE)) {
            ui.navigate("apps/service-visit/" + AgendaView.PATH);
            assertThat(text("agenda-overdue")).startsWith("逾期未完成（").contains("逾期巡检");
            assertThat(text("agenda-overdue-" + late.id())).contains("已预约").contains("改期");
        }
    }
}
