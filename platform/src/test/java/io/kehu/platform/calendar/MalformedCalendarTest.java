package io.kehu.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kehu.platform.calendar.CalendarProblem.Kind;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Calendars are admin-edited data: every bad one is refused with the place and reason, in zh and en. */
class MalformedCalendarTest {

    private static final String VALID = """
            {"id": "test", "label": {"zh": "测试", "en": "Test"}, "zone": "Asia/Shanghai",
             "workingDays": ["MONDAY", "FRIDAY"], "hours": [{"from": "09:00", "to": "12:00"}],
             "holidays": [{"from": "2026-10-01", "to": "2026-10-07", "name": {"zh": "国庆节", "en": "National Day"}}],
             "makeUpDays": [{"date": "2026-10-10", "name": {"zh": "调休", "en": "Make-up day"}}]}
            """;

    static List<Arguments> broken() {
        String manyHolidays = IntStream.range(0, 401)
                .mapToObj(i -> "{\"from\": \"2026-01-01\", \"to\": \"2026-01-01\", \"name\": {\"zh\": \"x\", \"en\": \"x\"}}")
                .collect(Collectors.joining(",", "[", "]"));
        return List.of(
                Arguments.of("{\"id\": ", "$", Kind.SYNTAX),
                Arguments.of(VALID.replace("\"id\": \"test\"", "\"id\": \"test\", \"id\": \"again\""), "$", Kind.SYNTAX),
                Arguments.of(VALID.replace("\"test\"", "\"Test Calendar\""), "$.id", Kind.BAD_ID),
                Arguments.of(VALID.replace("\"id\": \"test\", ", ""), "$.id", Kind.MISSING),
                Arguments.of(VALID.replace("\"zone\"", "\"zones\""), "$.zones", Kind.UNKNOWN_KEY),
                Arguments.of(VALID.replace("Asia/Shanghai", "Mars/Olympus"), "$.zone", Kind.BAD_ZONE),
                Arguments.of(VALID.replace("\"FRIDAY\"", "\"FUNDAY\""), "$.workingDays[1]", Kind.BAD_WEEKDAY),
                Arguments.of(VALID.replace("[\"MONDAY\", \"FRIDAY\"]", "[]"), "$.workingDays", Kind.NO_WORKING_TIME),
                Arguments.of(VALID.replace("\"12:00\"", "\"25:00\""), "$.hours[0].to", Kind.BAD_TIME),
                Arguments.of(VALID.replace("\"12:00\"", "\"08:00\""), "$.hours[0]", Kind.RANGE_REVERSED),
                Arguments.of(VALID.replace("{\"from\": \"09:00\", \"to\": \"12:00\"}",
                        "{\"from\": \"09:00\", \"to\": \"12:00\"}, {\"from\": \"11:00\", \"to\": \"13:00\"}"),
                        "$.hours[1]", Kind.PERIODS_OVERLAP),
                Arguments.of(VALID.replace("[{\"from\": \"09:00\", \"to\": \"12:00\"}]", "[]"), "$.hours",
                        Kind.NO_WORKING_TIME),
                Arguments.of(VALID.replace("\"hours\": [{\"from\": \"09:00\", \"to\": \"12:00\"}]", "\"hours\": \"9-12\""),
                        "$.hours", Kind.NOT_LIST),
                Arguments.of(VALID.replace("2026-10-07", "2026-13-07"), "$.holidays[0].to", Kind.BAD_DATE),
                Arguments.of(VALID.replace("2026-10-07", "2026-09-07"), "$.holidays[0]", Kind.RANGE_REVERSED),
                Arguments.of(VALID.replace("2026-10-07", "2026-12-07"), "$.holidays[0]", Kind.RANGE_TOO_LONG),
                Arguments.of(VALID.replace("2026-10-01", "1900-10-01"), "$.holidays[0].from", Kind.DATE_OUT_OF_RANGE),
                Arguments.of(VALID.replace("2026-10-10", "2026-10-03"), "$.makeUpDays", Kind.DATE_TWICE),
                Arguments.of(VALID.replace("{\"zh\": \"国庆节\", \"en\": \"National Day\"}", "\"国庆节\""),
                        "$.holidays[0].name", Kind.MISSING),
                Arguments.of(VALID.replace("\"国庆节\"", "\"" + "节".repeat(101) + "\""), "$.holidays[0].name.zh",
                        Kind.TOO_LARGE),
                Arguments.of(VALID.replace("\"测试\"", "\"  \""), "$.label.zh", Kind.NOT_TEXT),
                Arguments.of(VALID.replaceFirst("\\[\\{\"from\": \"2026-10-01\".*?\\}\\}\\]", manyHolidays),
                        "$.holidays", Kind.TOO_MANY),
                Arguments.of("[".repeat(50) + "]".repeat(50), "$", Kind.SYNTAX),
                Arguments.of(" ".repeat(BusinessCalendars.MAX_CHARS + 1), "$", Kind.TOO_LARGE));
    }

    @ParameterizedTest(name = "{1} {2}")
    @MethodSource("broken")
    void refusedAtItsPlaceWithAReasonInBothLanguages(String json, String path, Kind kind) {
        CalendarException refused = catchThrowableOfType(CalendarException.class,
                () -> BusinessCalendars.read("test.json", json));
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.problems()).extracting(CalendarProblem::jsonPath, CalendarProblem::kind)
                .contains(org.assertj.core.groups.Tuple.tuple(path, kind));
        CalendarProblem problem = refused.problems().stream().filter(p -> p.kind() == kind).findFirst().orElseThrow();
        assertThat(problem.message(Locale.SIMPLIFIED_CHINESE)).doesNotContainPattern("[A-Za-z]{5,}[ ][a-z]{3,}")
                .isNotBlank();
        assertThat(problem.message(Locale.ENGLISH)).doesNotContainPattern("\\p{IsHan}").isNotBlank();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        CalendarException refused = catchThrowableOfType(CalendarException.class, () -> BusinessCalendars.read("t",
                VALID.replace("Asia/Shanghai", "Nowhere").replace("\"FRIDAY\"", "\"FRI\"").replace("2026-10-07", "x")));
        assertThat(refused.problems()).extracting(CalendarProblem::kind)
                .containsExactly(Kind.BAD_ZONE, Kind.BAD_WEEKDAY, Kind.BAD_DATE);
        assertThat(refused.describe(Locale.SIMPLIFIED_CHINESE)).contains("$.zone：“Nowhere”不是时区");
        assertThat(refused.getMessage()).contains("t $.workingDays[1]: \"FRI\" is not a weekday");
    }

    @Test
    void theValidSampleReads() {
        BusinessCalendar calendar = BusinessCalendars.read("test.json", VALID);
        assertThat(calendar.id()).isEqualTo("test");
        assertThat(calendar.isWorkingDay(java.time.LocalDate.parse("2026-10-10"))).isTrue();
    }
}
