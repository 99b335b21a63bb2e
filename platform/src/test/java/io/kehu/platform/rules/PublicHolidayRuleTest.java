package io.kehu.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.calendar.BusinessCalendar;
import io.kehu.platform.calendar.BusinessCalendars;
import io.kehu.platform.calendar.CalendarDay;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.rules.script.RuleContext;
import io.kehu.platform.rules.script.RuleRecord;
import io.kehu.platform.rules.script.RuleUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code daysUntilPublicHoliday()} in the sandbox on chosen days, and the shipped holiday greetings' condition with it:
 * due for key and normal customers within three days of the company calendar's next holiday, not otherwise.
 */
class PublicHolidayRuleTest {

    private final Sandbox sandbox = new Sandbox();

    private Object on(LocalDate today, String script, String level) {
        RuleContext context = new RuleContext(new RuleRecord(7L, Map.of("level", level)), RuleRecord.EMPTY,
                new RuleUser(3L, "staff", Set.of("STAFF")), today,
                OffsetDateTime.of(today.atTime(8, 0), ZoneOffset.ofHours(8)), Sandbox.NO_RELATED, Map.of());
        return sandbox.compile(script).evaluate(context);
    }

    @Test
    void daysUntilPublicHolidayCountsToTheFirstDayOffOfTheNextOne() {
        assertThat(on(LocalDate.of(2026, 4, 28), "daysUntilPublicHoliday()", "KEY")).isEqualTo(3L);
        assertThat(on(LocalDate.of(2026, 5, 1), "daysUntilPublicHoliday()", "KEY")).as("its first day").isEqualTo(0L);
        assertThat(on(LocalDate.of(2026, 5, 2), "daysUntilPublicHoliday()", "KEY")).as("to 端午节 on 19 June")
                .isEqualTo(48L);
        assertThat(on(LocalDate.of(2099, 1, 1), "daysUntilPublicHoliday()", "KEY")).as("none published").isNull();
    }

    @Test
    void rulesCountToTheHolidaysAnAdminEntered() {
        // Test dates, not the State Council's: what matters is that the context's (company) calendar is read.
        BusinessCalendar shipped = BusinessCalendars.chinaMainland();
        List<CalendarDay> holidays = new ArrayList<>(shipped.holidays());
        holidays.add(new CalendarDay(LocalDate.of(2027, 2, 6), LocalizedText.of("春节（测试）", "Spring Festival (test)")));
        BusinessCalendar company = shipped.withSpecialDays(holidays, shipped.makeUpDays());
        LocalDate today = LocalDate.of(2027, 2, 1);
        RuleContext context = new RuleContext(new RuleRecord(7L, Map.of("level", "KEY")), RuleRecord.EMPTY,
                new RuleUser(3L, "staff", Set.of("STAFF")), today,
                OffsetDateTime.of(today.atTime(8, 0), ZoneOffset.ofHours(8)), Sandbox.NO_RELATED, Map.of(), company);

        assertThat(sandbox.compile("daysUntilPublicHoliday()").evaluate(context)).isEqualTo(5L);
        assertThat(on(today, "daysUntilPublicHoliday()", "KEY")).as("the shipped calendar has none in 2027").isNull();
    }

    @Test
    void theShippedHolidayGreetingsAreDueForKeyAndNormalCustomersThreeDaysAhead() throws Exception {
        String when = JsonMapper.builder().build().readTree(Files.readString(
                Path.of("../form-definitions/automations/holiday_greetings.json"))).get("when").asString();

        assertThat(on(LocalDate.of(2026, 4, 28), when, "KEY")).isEqualTo(true);
        assertThat(on(LocalDate.of(2026, 4, 29), when, "NORMAL")).isEqualTo(true);
        assertThat(on(LocalDate.of(2026, 4, 28), when, "POTENTIAL")).as("not for prospects").isEqualTo(false);
        assertThat(on(LocalDate.of(2026, 4, 20), when, "KEY")).as("eleven days ahead").isEqualTo(false);
        assertThat(on(LocalDate.of(2099, 1, 1), when, "KEY")).as("no holiday listed").isEqualTo(false);
    }
}
