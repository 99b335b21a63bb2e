package io.kehu.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.forms.LocalizedText;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What the writer writes, the reader reads back as the same calendar. */
class CalendarWriterTest {

    @Test
    void theShippedCalendarRoundTrips() throws Exception {
        BusinessCalendar shipped = BusinessCalendars.chinaMainland();

        BusinessCalendar back = BusinessCalendars.read("test", CalendarWriter.write(shipped));

        assertSameCalendar(back, shipped);
        // Ranges stay ranges (春节 is one entry, not nine): as many entries as the shipped file has.
        JsonMapper json = JsonMapper.builder().build();
        try (InputStream file = getClass().getClassLoader().getResourceAsStream("calendars/cn-mainland.json")) {
            assertThat(json.readTree(CalendarWriter.write(shipped)).get("holidays").size())
                    .isEqualTo(json.readTree(file).get("holidays").size());
        }
    }

    @Test
    void aRangeLongerThanTheReaderAllowsIsSplit() {
        BusinessCalendar shipped = BusinessCalendars.chinaMainland();
        List<CalendarDay> holidays = new ArrayList<>();
        LocalDate.of(2030, 1, 1).datesUntil(LocalDate.of(2030, 3, 1))
                .forEach(date -> holidays.add(new CalendarDay(date, LocalizedText.of("长假", "Long leave"))));
        BusinessCalendar longLeave = shipped.withSpecialDays(holidays, List.of());

        assertSameCalendar(BusinessCalendars.read("test", CalendarWriter.write(longLeave)), longLeave);
    }

    private static void assertSameCalendar(BusinessCalendar actual, BusinessCalendar expected) {
        assertThat(actual.id()).isEqualTo(expected.id());
        assertThat(actual.label()).isEqualTo(expected.label());
        assertThat(actual.zone()).isEqualTo(expected.zone());
        assertThat(actual.workingDays()).isEqualTo(expected.workingDays());
        assertThat(actual.hours()).isEqualTo(expected.hours());
        assertThat(actual.holidays()).isEqualTo(expected.holidays());
        assertThat(actual.makeUpDays()).isEqualTo(expected.makeUpDays());
    }
}
