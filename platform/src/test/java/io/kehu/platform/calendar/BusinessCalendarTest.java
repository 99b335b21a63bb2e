package io.kehu.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Working time by the shipped mainland China calendar: weekdays, lunch break, holidays, make-up days, pauses. */
class BusinessCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final BusinessCalendar china = BusinessCalendars.chinaMainland();

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void weekdaysWorkWeekendsDoNot() {
        assertThat(china.isWorkingDay(LocalDate.parse("2026-12-04"))).as("Friday").isTrue();
        assertThat(china.isWorkingDay(LocalDate.parse("2026-12-05"))).as("Saturday").isFalse();
        assertThat(china.isWorkingDay(LocalDate.parse("2026-12-06"))).as("Sunday").isFalse();
    }

    @Test
    void holidaysAreOffAndMakeUpWeekendsAreWorkingDays() {
        assertThat(china.isWorkingDay(LocalDate.parse("2026-10-05"))).as("National Day week, a Monday").isFalse();
        assertThat(china.isWorkingDay(LocalDate.parse("2026-10-10"))).as("make-up Saturday").isTrue();
        assertThat(china.isWorkingDay(LocalDate.parse("2026-02-23"))).as("Spring Festival, a Monday").isFalse();
        assertThat(china.isWorkingDay(LocalDate.parse("2026-02-14"))).as("make-up Saturday").isTrue();
        assertThat(china.specialDay(LocalDate.parse("2026-02-18")).orElseThrow().name().in(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("春节");
        assertThat(china.specialDay(LocalDate.parse("2026-09-20")).orElseThrow().name().in(Locale.ENGLISH))
                .isEqualTo("National Day make-up working day");
        assertThat(china.specialDay(LocalDate.parse("2026-12-04"))).isEmpty();
    }

    @Test
    void theNextPublicHolidayIsFoundByItsFirstDayOff() {
        assertThat(china.nextHolidayStart(LocalDate.parse("2026-04-28"))).hasValueSatisfying(day -> {
            assertThat(day.date()).isEqualTo(LocalDate.parse("2026-05-01"));
            assertThat(day.name().zh()).isEqualTo("劳动节");
        });
        assertThat(china.nextHolidayStart(LocalDate.parse("2026-05-01"))).map(CalendarDay::date)
                .as("on its first day").contains(LocalDate.parse("2026-05-01"));
        assertThat(china.nextHolidayStart(LocalDate.parse("2026-05-03"))).map(CalendarDay::date)
                .as("in the middle of one: the next one").contains(LocalDate.parse("2026-06-19"));
        assertThat(china.nextHolidayStart(LocalDate.parse("2099-01-01"))).as("none published yet").isEmpty();
    }

    @Test
    void fourWorkingHoursFromFridayAfternoonEndBeforeMondayLunch() {
        assertThat(china.plusWorkingTime(at("2026-12-04T17:00"), Duration.ofHours(4))).isEqualTo(at("2026-12-07T12:00"));
    }

    @Test
    void theLunchBreakDoesNotCount() {
        assertThat(china.plusWorkingTime(at("2026-12-03T11:00"), Duration.ofHours(2))).isEqualTo(at("2026-12-03T14:30"));
        assertThat(china.workingTimeBetween(at("2026-12-03T11:00"), at("2026-12-03T14:30"))).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aDeadlineAtTheEndOfAPeriodIsThatEnd() {
        assertThat(china.plusWorkingTime(at("2026-12-03T09:00"), Duration.ofHours(3))).isEqualTo(at("2026-12-03T12:00"));
    }

    @Test
    void timeOutsideHoursStartsAtTheNextPeriod() {
        assertThat(china.plusWorkingTime(at("2026-12-03T20:00"), Duration.ofMinutes(30)))
                .isEqualTo(at("2026-12-04T09:30"));
        assertThat(china.nextWorkingMoment(at("2026-12-03T12:30"))).isEqualTo(at("2026-12-03T13:30"));
        assertThat(china.nextWorkingMoment(at("2026-12-03T10:15"))).isEqualTo(at("2026-12-03T10:15"));
        assertThat(china.nextWorkingMoment(at("2026-12-05T10:00"))).as("Saturday").isEqualTo(at("2026-12-07T09:00"));
    }

    @Test
    void fortyEightWorkingHoursSkipTheNationalDayWeekAndUseTheMakeUpSaturday() {
        // Sept 30 (Wed) 09:00: 7.5 h that day, Oct 1–7 off, Oct 8 (Thu) and 9 (Fri) 7.5 h each, Oct 10 make-up Saturday
        // 7.5 h, Oct 12 (Mon) … : 48 h = 6 full days (45 h) + 3 h → the sixth working day after Sept 30 at 12:00.
        Instant due = china.plusWorkingTime(at("2026-09-30T09:00"), Duration.ofHours(48));
        assertThat(due).isEqualTo(at("2026-10-14T12:00"));
        assertThat(china.workingTimeBetween(at("2026-09-30T09:00"), due)).isEqualTo(Duration.ofHours(48));
    }

    @Test
    void workingTimeBetweenIsZeroBackwardsAndOverAHoliday() {
        assertThat(china.workingTimeBetween(at("2026-12-04T10:00"), at("2026-12-03T10:00"))).isZero();
        assertThat(china.workingTimeBetween(at("2026-10-01T00:00"), at("2026-10-08T00:00"))).isZero();
        assertThat(china.workingTimeBetween(at("2026-12-04T00:00"), at("2026-12-05T00:00")))
                .isEqualTo(Duration.ofMinutes(450));
    }

    @Test
    void plusAndBetweenAgreeOverAYear() {
        Instant start = at("2026-01-02T16:10");
        for (int hours = 1; hours < 2_000; hours += 37) {
            Instant due = china.plusWorkingTime(start, Duration.ofHours(hours));
            assertThat(china.workingTimeBetween(start, due)).as("%d h", hours).isEqualTo(Duration.ofHours(hours));
        }
    }

    @Test
    void saysWhichYearsHaveTheirHolidaysEntered() {
        assertThat(china.holidaysKnown(2026)).isTrue();
        assertThat(china.holidaysKnown(2025)).isTrue();
        assertThat(china.holidaysKnown(2030)).isFalse();
    }

    @Test
    void aCalendarOfOnlyHolidaysEndsWithAClearErrorInsteadOfLooping() {
        BusinessCalendar sundaysOnly = BusinessCalendars.read("test", """
                {"id": "sundays", "label": {"zh": "周日", "en": "Sundays"}, "zone": "Asia/Shanghai",
                 "workingDays": ["SUNDAY"], "hours": [{"from": "09:00", "to": "10:00"}]}
                """);
        assertThat(sundaysOnly.plusWorkingTime(at("2026-12-04T09:00"), Duration.ofHours(2)))
                .isEqualTo(at("2026-12-13T10:00"));
        assertThatThrownBy(() -> sundaysOnly.plusWorkingTime(at("2026-12-04T09:00"), Duration.ofDays(100_000)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sundays");
    }
}
