package io.kehu.platform.calendar.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;
import io.kehu.platform.calendar.BusinessCalendars;
import io.kehu.platform.calendar.CompanyCalendars;
import io.kehu.platform.calendar.HolidayRange;
import io.kehu.platform.i18n.Languages;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.KaribuSession;
import io.kehu.platform.support.KehuTest;
import io.kehu.platform.ui.PageForbiddenView;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The 工作日历 screen: an admin enters a 2027 holiday (test dates 2027-02-06…02-12, not the State Council's) through
 * the dialog, saves, sees it counted and the missing-holidays warning gone; staff cannot reach the screen.
 */
@KehuTest
class CalendarViewTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    UserAccounts accounts;
    @Autowired
    CompanyCalendars calendars;

    @AfterEach
    void shippedCalendarBack() {
        KaribuSession.signOut();
        // Contexts are shared between test classes: leave the shipped holidays behind.
        Actor admin = Actor.of(accounts.findByUsername("admin").orElseThrow());
        calendars.save(admin, BusinessCalendars.chinaMainland(), calendars.edition().version());
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdminEntersNextYearsSpringFestivalAndTheWarningGoes() {
        KaribuSession.signIn(context, accounts, "admin");
        UI.getCurrent().setLocale(Languages.CHINESE);
        UI.getCurrent().navigate(CalendarView.class);
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).contains("工作日历");
        assertThat(_get(Paragraph.class, spec -> spec.withId("calendar-working-time")).getText())
                .contains("中国时间").doesNotContain("Asia/Shanghai");

        _get(Select.class, spec -> spec.withId("calendar-year")).setValue(2027);
        Paragraph warning = _get(Paragraph.class, spec -> spec.withId("calendar-warning"));
        assertThat(warning.isVisible()).isTrue();
        assertThat(warning.getText()).isEqualTo("2027 年的法定节假日尚未录入：请在此添加，否则工作时间只按周末计算。");
        assertThat(_get(Paragraph.class, spec -> spec.withId("holidays-empty")).getText()).isEqualTo("2027 年尚无节假日");

        ButtonKt._click(_get(Button.class, spec -> spec.withId("add-holidays")));
        _get(DatePicker.class, spec -> spec.withLabel("开始")).setValue(LocalDate.of(2027, 2, 6));
        _get(DatePicker.class, spec -> spec.withLabel("结束")).setValue(LocalDate.of(2027, 2, 12));
        _get(TextField.class, spec -> spec.withLabel("名称（中文）")).setValue("春节（测试）");
        _get(TextField.class, spec -> spec.withLabel("名称（英文）")).setValue("Spring Festival (test)");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("day-ok")));
        // Shown at once, but stored only on Save: the admin is told so, and nothing counts with it yet.
        assertThat(_get(Paragraph.class, spec -> spec.withId("calendar-problems")).getText()).isEqualTo("有未保存的修改。");
        assertThat(calendars.current().holidaysKnown(2027)).isFalse();
        ButtonKt._click(_get(Button.class, spec -> spec.withId("save-calendar")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("calendar-problems")).getText())
                .isEqualTo("工作日历已保存，新的时限按它计算。");
        assertThat(_get(H3.class, spec -> spec.withId("holidays-count")).getText()).isEqualTo("2027 年共 1 个节假日，7 天");
        Grid<HolidayRange> grid = _get(Grid.class, spec -> spec.withId("holidays"));
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("春节（测试）", "2027-02-06", "2027-02-12", "7");
        assertThat(warning.isVisible()).isFalse();
        assertThat(_find(Paragraph.class, spec -> spec.withId("calendar-warning"))).isEmpty();
        assertThat(calendars.current().holidaysKnown(2027)).isTrue();
        assertThat(calendars.current().isWorkingDay(LocalDate.of(2027, 2, 8))).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void problemsAreToldInChineseAndNothingIsStored() {
        KaribuSession.signIn(context, accounts, "admin");
        UI.getCurrent().setLocale(Languages.CHINESE);
        UI.getCurrent().navigate(CalendarView.class);
        int version = calendars.edition().version();
        LocalDate makeUp = calendars.current().makeUpDays().getFirst().date();

        _get(Select.class, spec -> spec.withId("calendar-year")).setValue(makeUp.getYear());
        addHoliday(makeUp, makeUp);
        ButtonKt._click(_get(Button.class, spec -> spec.withId("save-calendar")));
        String problem = _get(Paragraph.class, spec -> spec.withId("calendar-problems")).getText();
        assertThat(problem).startsWith("工作日历有问题，未保存：").contains("被重复列出").doesNotContain("Exception");
        assertThat(calendars.edition().version()).isEqualTo(version);
    }

    @Test
    void aSaveAfterSomeoneElsesSaysToReload() {
        KaribuSession.signIn(context, accounts, "admin");
        UI.getCurrent().setLocale(Languages.CHINESE);
        UI.getCurrent().navigate(CalendarView.class);
        int version = calendars.edition().version();
        // Someone else saves while this editor is open.
        Actor admin = Actor.of(accounts.findByUsername("admin").orElseThrow());
        calendars.save(admin, calendars.current(), version);

        _get(Select.class, spec -> spec.withId("calendar-year")).setValue(2027);
        addHoliday(LocalDate.of(2027, 2, 6), LocalDate.of(2027, 2, 12));
        ButtonKt._click(_get(Button.class, spec -> spec.withId("save-calendar")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("calendar-problems")).getText())
                .isEqualTo("其他人在您打开后修改了工作日历，请重新加载后再次录入您的修改");
        assertThat(calendars.edition().version()).isEqualTo(version + 1);
        assertThat(calendars.current().holidaysKnown(2027)).isFalse();
    }

    private static void addHoliday(LocalDate from, LocalDate to) {
        ButtonKt._click(_get(Button.class, spec -> spec.withId("add-holidays")));
        _get(DatePicker.class, spec -> spec.withLabel("开始")).setValue(from);
        _get(DatePicker.class, spec -> spec.withLabel("结束")).setValue(to);
        _get(TextField.class, spec -> spec.withLabel("名称（中文）")).setValue("测试假日");
        _get(TextField.class, spec -> spec.withLabel("名称（英文）")).setValue("Test holiday");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("day-ok")));
    }

    @Test
    void staffCannotReachTheScreen() {
        KaribuSession.signIn(context, accounts, "staff");
        UI ui = UI.getCurrent();
        int status = ui.getInternals().getRouter().navigate(ui, new Location(CalendarView.ROUTE),
                NavigationTrigger.PAGE_LOAD);
        assertThat(status).isEqualTo(403);
        assertThat(_find(PageForbiddenView.class)).hasSize(1);
        assertThat(_find(CalendarView.class)).isEmpty();
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).doesNotContain("Business calendar");
    }
}
