package io.kehu.plugins.visits;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.kehu.plugins.visits.BookingScenarios.at;
import static io.kehu.plugins.visits.BookingScenarios.book;
import static io.kehu.plugins.visits.BookingScenarios.bookFree;
import static io.kehu.plugins.visits.BookingScenarios.customer;
import static io.kehu.plugins.visits.BookingScenarios.type;
import static io.kehu.plugins.visits.BookingScenarios.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.KehuUi;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Refusals reach the user in their language: the plugin's own (raised with a key of its bundles) and those the
 * platform makes to the plugin's writes (its listener's vetoes), through the SDK's {@link RecordException#text()}.
 */
@KehuPluginTest
class RefusalLanguageTest {

    private static String text(String id) {
        return _get(Component.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    @Test
    void thePluginsOwnRefusalsAndTheVetoesOfItsWritesCarryBothLanguages(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        long customer = customer(context, "双语客户", null);
        long staff = user(context, "staff");
        RecordData first = bookFree(context, customer, "inspection", staff, 9, 0);
        LocalDate day = ((java.time.OffsetDateTime) first.get("planned_start")).atZoneSameInstant(Texts.ZONE)
                .toLocalDate();
        // the overlap is the plugin listener's veto, made by the platform into the SDK's refusal
        assertThatThrownBy(() -> book(context, customer, "inspection", staff, at(day, 9, 30)))
                .isInstanceOfSatisfying(RecordException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RecordException.Reason.VETOED);
                    assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).contains("时间冲突").doesNotContain("overlaps");
                    assertThat(e.message(Locale.ENGLISH)).contains("overlaps").doesNotContain("冲突");
                });
        // the window is the plugin's own refusal, with the window named in the sentence's language
        assertThatThrownBy(() -> new VisitPlanner(context, context.records()).book(new Booking(customer,
                type(context, "inspection"), staff, at(day, 15, 0), PreferredWindow.MORNING, "manual")))
                .isInstanceOfSatisfying(RecordException.class, e -> {
                    assertThat(e.message(Locale.SIMPLIFIED_CHINESE))
                            .isEqualTo("预约时间不在客户希望的时段内：上午（9:00–12:00）");
                    assertThat(e.message(Locale.ENGLISH))
                            .isEqualTo("The time is outside the customer’s preferred window: Morning (9:00–12:00)");
                    assertThat(e.getMessage()).isEqualTo(e.message(Locale.ENGLISH));
                });
        assertThatThrownBy(() -> new VisitService(context).visit(Long.MAX_VALUE))
                .isInstanceOfSatisfying(RecordException.class, e -> assertThat(e.text().zh())
                        .isEqualTo("该上门记录已不存在，或您无权查看"));
    }

    @Test
    void aChecklistAnswerRefusedAfterSigningIsSaidInChinese(KehuTestHost kehu) {
        assertThat(frozenAnswer(kehu, Locale.SIMPLIFIED_CHINESE)).contains("检查结果不能再修改")
                .contains("客户已签字").doesNotContain("cannot");
    }

    @Test
    void aChecklistAnswerRefusedAfterSigningIsSaidInEnglish(KehuTestHost kehu) {
        assertThat(frozenAnswer(kehu, Locale.ENGLISH)).contains("its checklist cannot change any more")
                .doesNotContain("检查");
    }

    @Test
    void aRescheduleRefusedBecauseTheVisitWasCancelledMeanwhileIsSaidInTheUsersLanguage(KehuTestHost kehu) {
        assertThat(rescheduleCancelled(kehu, Locale.SIMPLIFIED_CHINESE)).isEqualTo("只有“已预约”或“已确认”的上门可以改期");
        assertThat(rescheduleCancelled(kehu, Locale.ENGLISH)).isEqualTo("Only a booked or confirmed visit can be rescheduled");
    }

    /** The visit is signed off on another device while the phone still shows its checklist; then a line is changed. */
    @SuppressWarnings("unchecked")
    private static String frozenAnswer(KehuTestHost kehu, Locale locale) {
        PluginContext context = kehu.context();
        long staff = user(context, "staff");
        RecordData visit = bookFree(context, customer(context, "签字客户 " + locale, null), "inspection", staff, 10, 0);
        VisitService background = new VisitService(context);
        kehu.callAsUser("staff", () -> background.move(background.visit(visit.id()), VisitSteps.CONFIRM));
        kehu.callAsUser("staff", () -> background.move(background.visit(visit.id()), VisitSteps.CHECK_IN));
        List<RecordData> checks = context.records().search(VisitForms.CHECK)
                .where("visit", FilterOperator.EQUALS, visit.id()).sortBy("id", false).limit(100).list();
        try (KehuUi ui = kehu.ui("staff", locale)) {
            Div screen = new Div();
            UI.getCurrent().add(screen);
            VisitScreen.show(context, screen, visit.id());
            for (RecordData check : checks) {
                _get(RadioButtonGroup.class, spec -> spec.withId("check-" + check.id())).setValue("done");
            }
            kehu.callAsUser("staff", () -> new VisitService(context).signOff(
                    new VisitService(context).visit(visit.id()), "周先生", "M1,1 L30,30"));
            RecordData first = checks.getFirst();
            _get(RadioButtonGroup.class, spec -> spec.withId("check-" + first.id())).setValue("not_needed");
            assertThat(context.records().get(VisitForms.CHECK, first.id()).orElseThrow().get("result"))
                    .isEqualTo("done");
            return text("check-saved-" + first.id());
        }
    }

    /** The reschedule dialog is open when a manager cancels the visit; saving is refused by the server. */
    private static String rescheduleCancelled(KehuTestHost kehu, Locale locale) {
        PluginContext context = kehu.context();
        long staff = user(context, "staff");
        RecordData visit = bookFree(context, customer(context, "改期客户 " + locale, null), "inspection", staff, 10, 0);
        LocalDate day = ((java.time.OffsetDateTime) visit.get("planned_start")).atZoneSameInstant(Texts.ZONE)
                .toLocalDate();
        try (KehuUi ui = kehu.ui("manager", locale)) {
            new RescheduleDialog(context, locale, visit.id(), () -> { }).open();
            kehu.callAsUser("manager", () -> new VisitService(context).cancel(
                    new VisitService(context).visit(visit.id()), "客户临时有事"));
            _get(DateTimePicker.class, spec -> spec.withId("reschedule-start")).setValue(day.atTime(11, 0));
            _click(_get(Button.class, spec -> spec.withId("reschedule-save")));
            assertThat(context.records().get(VisitForms.VISIT, visit.id()).orElseThrow().get("planned_start"))
                    .isEqualTo(visit.get("planned_start"));
            return text("reschedule-warning");
        }
    }
}
