package io.kehu.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.security.AccessRefusedException;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.workflow.WorkflowDefinition;
import io.kehu.platform.workflow.runtime.WorkflowCalendars;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The company calendar on a real database: saved and read back, a stale version or a non-admin refused, an invalid
 * calendar refused with nothing stored, and workflows counting in the saved calendar. The 2027 "Spring Festival" here
 * is test data (2027-02-06…02-12), not the State Council's dates.
 */
abstract class CompanyCalendarsContract {

    static final Actor ADMIN = new Actor(1L, "admin", Set.of(Role.ADMIN));
    static final Actor STAFF = new Actor(2L, "staff", Set.of(Role.STAFF));
    static final LocalizedText SPRING = LocalizedText.of("春节（测试）", "Spring Festival (test)");

    @Autowired
    CompanyCalendars calendars;
    @Autowired
    CalendarStore store;
    @Autowired
    WorkflowCalendars workflowCalendars;

    @BeforeEach
    @AfterEach
    void shippedCalendar() {
        // Contexts are shared between test classes: leave the shipped calendar behind for them.
        store.delete(BusinessCalendars.chinaMainland().id());
        calendars.reload();
    }

    static BusinessCalendar withTestSpringFestival2027(BusinessCalendar calendar) {
        List<CalendarDay> holidays = new ArrayList<>(calendar.holidays());
        LocalDate.of(2027, 2, 6).datesUntil(LocalDate.of(2027, 2, 13))
                .forEach(date -> holidays.add(new CalendarDay(date, SPRING)));
        return calendar.withSpecialDays(holidays, calendar.makeUpDays());
    }

    @Test
    void withNothingSavedTheShippedCalendarCounts() {
        assertThat(calendars.edition().version()).isZero();
        assertThat(calendars.current().holidaysKnown(2027)).isFalse();
        assertThat(calendars.current().holidays()).isEqualTo(BusinessCalendars.chinaMainland().holidays());
    }

    @Test
    void aSavedCalendarIsReadBackAndCountedByWorkflows() {
        CompanyCalendars.Edition saved = calendars.save(ADMIN, withTestSpringFestival2027(calendars.current()), 0);

        assertThat(saved.version()).isEqualTo(1);
        assertThat(calendars.current().holidaysKnown(2027)).isTrue();
        assertThat(calendars.current().isWorkingDay(LocalDate.of(2027, 2, 8))).isFalse();
        assertThat(store.find("cn-mainland")).get().extracting(CalendarStore.Stored::version).isEqualTo(1);

        BusinessCalendar workflow = workflowCalendars.of(workflowNaming("cn-mainland"));
        // Friday 2027-02-05 17:00 Shanghai + 4 working hours: the test holiday runs to Friday 02-12, so Monday 02-15.
        Instant friday = Instant.parse("2027-02-05T09:00:00Z");
        assertThat(workflow.plusWorkingTime(friday, Duration.ofHours(4)))
                .isEqualTo(Instant.parse("2027-02-15T04:00:00Z"));

        CompanyCalendars.Edition second = calendars.save(ADMIN, calendars.current(), 1);
        assertThat(second.version()).isEqualTo(2);
    }

    @Test
    void aStaleVersionIsRefusedAndNothingWritten() {
        calendars.save(ADMIN, calendars.current(), 0);
        BusinessCalendar edited = withTestSpringFestival2027(calendars.current());

        assertThatThrownBy(() -> calendars.save(ADMIN, edited, 0))
                .isInstanceOf(CalendarChangedException.class)
                .satisfies(e -> assertThat(((CalendarChangedException) e).message(Locale.SIMPLIFIED_CHINESE))
                        .contains("其他人").contains("重新加载"));
        assertThat(calendars.edition().version()).isEqualTo(1);
        assertThat(calendars.current().holidaysKnown(2027)).isFalse();
    }

    @Test
    void onlyAdministratorsSave() {
        assertThatThrownBy(() -> calendars.save(STAFF, withTestSpringFestival2027(calendars.current()), 0))
                .isInstanceOf(AccessRefusedException.class)
                .satisfies(e -> assertThat(((AccessRefusedException) e).message(Locale.CHINESE))
                        .isEqualTo("只有管理员可以修改工作日历"));
        assertThat(store.find("cn-mainland")).isEmpty();
    }

    @Test
    void anInvalidCalendarIsRefusedWithEveryProblemAndNothingStored() {
        BusinessCalendar current = calendars.current();
        List<CalendarDay> holidays = new ArrayList<>(current.holidays());
        // A holiday that is also a make-up day, and a date out of range: both reported, nothing stored.
        CalendarDay makeUp = current.makeUpDays().getFirst();
        holidays.add(new CalendarDay(makeUp.date(), SPRING));
        holidays.add(new CalendarDay(LocalDate.of(2150, 1, 1), SPRING));
        BusinessCalendar invalid = current.withSpecialDays(holidays, current.makeUpDays());

        assertThatThrownBy(() -> calendars.save(ADMIN, invalid, 0))
                .isInstanceOf(CalendarException.class)
                .satisfies(e -> {
                    CalendarException problems = (CalendarException) e;
                    assertThat(problems.problems()).hasSizeGreaterThanOrEqualTo(2);
                    assertThat(problems.describe(Locale.SIMPLIFIED_CHINESE)).contains("$.holidays");
                });
        assertThat(store.find("cn-mainland")).isEmpty();
        assertThat(calendars.edition().version()).isZero();
    }

    @Test
    void aStoredCalendarThatNoLongerReadsFallsBackToTheShippedOneUntilSavedAgain() {
        store.save("cn-mainland", "{\"id\": \"cn-mainland\"}", 0, "an older release", java.time.OffsetDateTime.now());
        calendars.reload();

        assertThat(calendars.edition().version()).isEqualTo(1);
        assertThat(calendars.current().holidays()).isEqualTo(BusinessCalendars.chinaMainland().holidays());
        assertThat(calendars.save(ADMIN, withTestSpringFestival2027(calendars.current()), 1).version()).isEqualTo(2);
        assertThat(calendars.current().holidaysKnown(2027)).isTrue();
    }

    private static WorkflowDefinition workflowNaming(String calendar) {
        return new WorkflowDefinition("complaints", LocalizedText.of("投诉", "Complaints"), "feedback", "status",
                calendar, List.of(), List.of(), List.of());
    }
}
