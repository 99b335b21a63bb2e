package io.kehu.plugins.visits;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.kehu.plugins.visits.BookingScenarios.at;
import static io.kehu.plugins.visits.BookingScenarios.book;
import static io.kehu.plugins.visits.BookingScenarios.customer;
import static io.kehu.plugins.visits.BookingScenarios.type;
import static io.kehu.plugins.visits.BookingScenarios.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.KehuUi;
import io.kehu.sdk.users.UserInfo;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A visit assigned to a team: its members see it on the phone, one picks it up, with clash warnings (Karibu, H2). */
@KehuPluginTest
class TeamAssignmentTest {

    private static String text(String id) {
        return _get(Component.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    private static RecordData teamVisit(PluginContext context, long customer, long lead, LocalDate day, int hour) {
        Map<String, Object> values = new HashMap<>(Map.of("subject", "团队巡检", "customer", customer,
                "visit_type", type(context, "inspection"), "team", lead, "planned_start", at(day, hour, 0),
                "planned_end", at(day, hour + 1, 0), "preferred_window", "any"));
        values.put("status", "booked");
        return context.records().create(VisitForms.VISIT, values);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aManagerBooksAVisitForATeamOnTheReviewPageAndItWaitsForAMember(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        kehu.reportsTo("staff", "manager");
        try {
            long manager = user(context, "manager");
            long customer = customer(context, "团队预约客户", null);
            LocalDate day = LocalDate.now(Texts.ZONE).plusDays(3);
            try (KehuUi ui = kehu.ui("manager", Locale.SIMPLIFIED_CHINESE)) {
                UI.getCurrent().navigate("apps/service-visit/" + ReviewView.PATH);
                _get(com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withId("book-customer"))
                        .setValue(context.records().get("customer", customer).orElseThrow());
                com.vaadin.flow.component.select.Select<RecordData> kind = _get(
                        com.vaadin.flow.component.select.Select.class, spec -> spec.withId("book-type"));
                kind.setValue(kind.getListDataView().getItems().filter(t -> "repair".equals(t.get("kind")))
                        .findFirst().orElseThrow());
                com.vaadin.flow.component.select.Select<UserInfo> team = _get(
                        com.vaadin.flow.component.select.Select.class, spec -> spec.withId("book-team"));
                assertThat(team.getListDataView().getItems()).extracting(UserInfo::id).contains(manager);
                team.setValue(team.getListDataView().getItems().filter(u -> u.id() == manager).findFirst()
                        .orElseThrow());
                _get(com.vaadin.flow.component.datepicker.DatePicker.class, spec -> spec.withId("book-day"))
                        .setValue(day);
                _click(_get(Button.class, spec -> spec.withId("book-submit")));
                assertThat(text("book-outcome")).startsWith("已预约：维修 · 团队预约客户");
            }
            List<RecordData> waiting = new TeamPool(context).open(user(context, "staff"));
            RecordData booked = waiting.stream().filter(v -> v.get("customer").equals(customer)).findFirst()
                    .orElseThrow();
            assertThat(booked.get("visitor")).isNull();
            assertThat(booked.get("team")).isEqualTo(manager);
            // out of the way of the other test, which counts the team's waiting visits
            kehu.callAsUser("manager", () -> new VisitService(context).cancel(booked, "测试结束"));
        } finally {
            kehu.reportsTo("staff", null);
        }
    }

    @Test
    void aMemberOfTheTeamPicksUpItsVisitWarnedOfClashesAndOthersCannot(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        kehu.reportsTo("staff", "manager");
        try {
            long staff = user(context, "staff");
            long manager = user(context, "manager");
            assertThat(context.users().team(manager)).extracting(UserInfo::username).contains("staff");
            assertThat(context.users().managerOf(staff)).map(UserInfo::username).contains("manager");
            long customer = customer(context, "团队客户", null);
            LocalDate day = LocalDate.now(Texts.ZONE).plusDays(2);
            RecordData free = teamVisit(context, customer, manager, day, 8);
            RecordData clashing = teamVisit(context, customer, manager, day, 18);
            book(context, customer, "relationship", staff, at(day, 18, 0)); // staff's own visit at that hour

            // someone outside the team may not be made its visitor
            assertThatThrownBy(() -> context.records().update(VisitForms.VISIT, free.id(), free.rowVersion(),
                    Map.of("visitor", user(context, "admin"))))
                    .isInstanceOfSatisfying(RecordException.class, e -> assertThat(e.message(Locale.SIMPLIFIED_CHINESE))
                            .isEqualTo("上门人员必须是该上门所指派团队的成员"));
            // nor pick it up
            assertThatThrownBy(() -> new TeamPool(context).pickUp(user(context, "admin"), free.id(), free.rowVersion()))
                    .isInstanceOfSatisfying(RecordException.class, e -> assertThat(e.message(Locale.SIMPLIFIED_CHINESE))
                            .isEqualTo("这次上门未指派给您的团队"));

            try (KehuUi ui = kehu.ui("staff", Locale.SIMPLIFIED_CHINESE)) {
                Div screen = new Div();
                UI.getCurrent().add(screen);
                TodayView.showToday(context, screen);
                assertThat(text("team-count")).isEqualTo("团队有 2 次上门待领取");
                assertThat(text("team-clash-" + clashing.id())).contains("时间冲突");
                assertThat(_get(Button.class, spec -> spec.withId("team-pick-" + clashing.id())).isEnabled()).isFalse();
                _click(_get(Button.class, spec -> spec.withId("team-pick-" + free.id())));
                assertThat(context.records().get(VisitForms.VISIT, free.id()).orElseThrow().get("visitor"))
                        .isEqualTo(staff);
                assertThat(text("team-count")).isEqualTo("团队有 1 次上门待领取");
            }
            // the server refuses the clash as well, and a visit someone has taken
            assertThatThrownBy(() -> new TeamPool(context).pickUp(staff, clashing.id(), clashing.rowVersion()))
                    .isInstanceOfSatisfying(RecordException.class, e -> assertThat(e.message(Locale.SIMPLIFIED_CHINESE))
                            .contains("时间冲突"));
            assertThatThrownBy(() -> new TeamPool(context).pickUp(staff, free.id(), free.rowVersion()))
                    .isInstanceOfSatisfying(RecordException.class, e -> assertThat(e.message(Locale.ENGLISH))
                            .isEqualTo("Someone of your team has just taken this visit"));
        } finally {
            kehu.reportsTo("staff", null);
        }
    }
}
