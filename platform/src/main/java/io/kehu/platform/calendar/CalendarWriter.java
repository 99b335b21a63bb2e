package io.kehu.platform.calendar;

import io.kehu.platform.forms.LocalizedText;
import java.time.DayOfWeek;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link BusinessCalendar} in the format {@link CalendarJson} reads, so a company's edited calendar is stored
 * as the same text an admin could have written by hand. Consecutive holiday dates with the same name become one range
 * (春节 2026-02-15…02-23 is one entry), split at {@link CalendarJson#MAX_RANGE_DAYS} so the reader accepts it back.
 */
final class CalendarWriter {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private CalendarWriter() {
    }

    static String write(BusinessCalendar calendar) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("id", calendar.id());
        root.set("label", text(calendar.label()));
        root.put("zone", calendar.zone().getId());
        ArrayNode days = root.putArray("workingDays");
        calendar.workingDays().stream().sorted().map(DayOfWeek::name).forEach(days::add);
        ArrayNode hours = root.putArray("hours");
        calendar.hours().forEach(period -> hours.addObject()
                .put("from", period.from().toString()).put("to", period.to().toString()));
        writeHolidays(calendar.holidays(), root.putArray("holidays"));
        ArrayNode makeUp = root.putArray("makeUpDays");
        calendar.makeUpDays().forEach(day -> makeUp.addObject().put("date", day.date().toString())
                .set("name", text(day.name())));
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static void writeHolidays(List<CalendarDay> holidays, ArrayNode out) {
        for (HolidayRange range : HolidayRange.of(holidays, CalendarJson.MAX_RANGE_DAYS)) {
            out.addObject().put("from", range.from().toString()).put("to", range.to().toString())
                    .set("name", text(range.name()));
        }
    }

    private static ObjectNode text(LocalizedText text) {
        return MAPPER.createObjectNode().put("zh", text.zh()).put("en", text.en());
    }
}
