package io.kehu.plugins.visits;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.kehu.plugins.visits.BookingScenarios.at;
import static io.kehu.plugins.visits.BookingScenarios.book;
import static io.kehu.plugins.visits.BookingScenarios.customer;
import static io.kehu.plugins.visits.BookingScenarios.type;
import static io.kehu.plugins.visits.BookingScenarios.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.select.Select;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.KehuUi;
import io.kehu.sdk.users.UserInfo;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The agenda's team visits nobody has picked up: per team, warnings as for assigned visits, 我来领取 (Karibu, H2). */
@KehuPluginTest
class AgendaTeamPoolTest {

    private static String text(String id) {
        return _get(Component.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    private static RecordData teamVisit(PluginContext context, long customer, long lead, LocalDate day, int hour,
            String window) {
        Map<String, Object> values = new HashMap<>(Map.of("subject", "团队巡检 " + hour + " 点", "customer", customer,
                "visit_type", type(context, "inspection"), "team", lead, "planned_start", at(day, hour, 0),
                "planned_end", at(day, hour + 1, 0), "preferred_window", window));
        values.put("status", "booked");
        return context.records().create(VisitForms.VISIT, values);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAgendaListsTheTeamsWaitingVisitsWithWarningsAndAMemberPicksOneUp(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        kehu.reportsTo("staff", "manager");
        try {
            long staff = user(context, "staff");
            long manager = user(context, "manager");
            long customer = customer(context, "日程团队客户", null);
            LocalDate day = LocalDate.now(Texts.ZONE).plusWeeks(9).with(DayOfWeek.TUESDAY);
            RecordData early = teamVisit(context, customer, manager, day, 7, "morning"); // before 9:00
            RecordData clashing = teamVisit(context, customer, manager, day, 18, "any");
            book(context, customer, "relationship", staff, at(day, 18, 0)); // staff's own visit at that hour
            String managerName = context.users().byId(manager).orElseThrow().displayName();

            try (KehuUi ui = kehu.ui("staff", Locale.SIMPLIFIED_CHINESE)) {
                ui.navigate("apps/service-visit/" + AgendaView.PATH);
                _get(DatePicker.class, spec -> spec.withId("agenda-day")).setValue(day);
                assertThat(text("agenda-team-pool")).startsWith("团队待领取（2）");
                assertThat(text("agenda-pool-team-" + manager)).startsWith(managerName + "的团队 · 2 次");
                assertThat(text("agenda-pool-warning-" + early.id())).contains("不在客户希望的时段（上午");
                assertThat(text("agenda-pool-warning-" + clashing.id())).contains("时间冲突")
                        .contains("客户关系拜访 · 日程团队客户");
                assertThat(_get(Button.class, spec -> spec.withId("agenda-pool-pick-" + clashing.id())).isEnabled())
                        .as("a clash with the member's own visit keeps them from taking it").isFalse();
                // not in the day's columns while nobody has it
                assertThat(_find(Component.class, spec -> spec.withId("agenda-visit-" + early.id()))).isEmpty();

                _click(_get(Button.class, spec -> spec.withId("agenda-pool-pick-" + early.id())));
                assertThat(context.records().get(VisitForms.VISIT, early.id()).orElseThrow().get("visitor"))
                        .isEqualTo(staff);
                assertThat(text("agenda-team-pool")).startsWith("团队待领取（1）");
                assertThat(text("agenda-visit-" + early.id())).contains("团队巡检 7 点");
            }

            // the manager sees the team's waiting visit (theirs to hand out, not to pick up)
            try (KehuUi ui = kehu.ui("manager", Locale.SIMPLIFIED_CHINESE)) {
                ui.navigate("apps/service-visit/" + AgendaView.PATH);
                _get(DatePicker.class, spec -> spec.withId("agenda-day")).setValue(day);
                assertThat(text("agenda-team-pool")).startsWith("团队待领取（1）").contains("团队巡检 18 点");
                assertThat(_find(Button.class, spec -> spec.withId("agenda-pool-pick-" + clashing.id()))).isEmpty();
                // the manager hands it out: to staff it clashes (said, nothing changes), to the manager it goes
                Select<UserInfo> member = _get(Select.class, spec -> spec.withId("agenda-pool-member-" + clashing.id()));
                member.setValue(member.getListDataView().getItems().filter(u -> u.id() == staff).findFirst()
                        .orElseThrow());
                _click(_get(Button.class, spec -> spec.withId("agenda-pool-assign-" + clashing.id())));
                assertThat(text("agenda-pool-assign-outcome-" + clashing.id())).contains("时间冲突");
                assertThat(context.records().get(VisitForms.VISIT, clashing.id()).orElseThrow().get("visitor"))
                        .isNull();
                member = _get(Select.class, spec -> spec.withId("agenda-pool-member-" + clashing.id()));
                member.setValue(member.getListDataView().getItems().filter(u -> u.id() == manager).findFirst()
                        .orElseThrow());
                _click(_get(Button.class, spec -> spec.withId("agenda-pool-assign-" + clashing.id())));
                assertThat(context.records().get(VisitForms.VISIT, clashing.id()).orElseThrow().get("visitor"))
                        .isEqualTo(manager);
                assertThat(text("agenda-team-pool")).startsWith("团队待领取（0）");
                // a week without any: the empty state
                _get(DatePicker.class, spec -> spec.withId("agenda-day")).setValue(day.plusYears(20));
                assertThat(text("agenda-pool-empty")).isEqualTo("这段时间没有待领取的团队上门。");
            }
        } finally {
            kehu.reportsTo("staff", null);
        }
    }
}
