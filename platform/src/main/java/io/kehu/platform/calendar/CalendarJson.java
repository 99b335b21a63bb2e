package io.kehu.platform.calendar;

import io.kehu.platform.calendar.CalendarProblem.Kind;
import io.kehu.platform.forms.LocalizedText;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Turns a calendar's parsed JSON into a {@link BusinessCalendar}, collecting every problem at its JSON path instead of
 * stopping at the first. Sizes are bounded (admins edit this data, so it is hostile input like a form definition).
 */
final class CalendarJson {

    static final int MAX_PERIODS = 6;
    static final int MAX_ENTRIES = 400;
    static final int MAX_RANGE_DAYS = 31;
    static final int MAX_TEXT = 100;
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    private static final Set<String> KEYS = Set.of("id", "label", "zone", "workingDays", "hours", "holidays",
            "makeUpDays");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    private final String source;
    private final List<CalendarProblem> problems = new ArrayList<>();

    CalendarJson(String source) {
        this.source = source;
    }

    List<CalendarProblem> problems() {
        return problems;
    }

    /** The calendar, or {@code null} when a problem was found (then {@link #problems()} says which). */
    BusinessCalendar read(JsonNode root) {
        if (!root.isObject()) {
            problem("$", Kind.MISSING, "{ }");
            return null;
        }
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            if (!KEYS.contains(entry.getKey())) {
                problem("$." + entry.getKey(), Kind.UNKNOWN_KEY, shorten(entry.getKey()));
            }
        }
        String id = text(root, "$", "id");
        if (id != null && !ID.matcher(id).matches()) {
            problem("$.id", Kind.BAD_ID, id);
        }
        LocalizedText label = localized(root.path("label"), "$.label");
        ZoneId zone = zone(root);
        Set<DayOfWeek> weekdays = weekdays(root.path("workingDays"));
        List<WorkingPeriod> hours = hours(root.path("hours"));
        List<CalendarDay> holidays = holidays(root.path("holidays"));
        List<CalendarDay> makeUp = makeUpDays(root.path("makeUpDays"));
        checkNoDateTwice(holidays, makeUp);
        if (!problems.isEmpty()) {
            return null;
        }
        return new BusinessCalendar(id, label, zone, weekdays, hours, holidays, makeUp);
    }

    private ZoneId zone(JsonNode root) {
        String zone = text(root, "$", "zone");
        if (zone == null) {
            return null;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            problem("$.zone", Kind.BAD_ZONE, zone);
            return null;
        }
    }

    private Set<DayOfWeek> weekdays(JsonNode node) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (!list(node, "$.workingDays", 7)) {
            return days;
        }
        for (int i = 0; i < node.size(); i++) {
            String path = "$.workingDays[" + i + "]";
            String name = node.get(i).isString() ? node.get(i).asString() : null;
            try {
                days.add(DayOfWeek.valueOf(String.valueOf(name).toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problem(path, Kind.BAD_WEEKDAY, shorten(String.valueOf(name)));
            }
        }
        if (days.isEmpty()) {
            problem("$.workingDays", Kind.NO_WORKING_TIME);
        }
        return days;
    }

    private List<WorkingPeriod> hours(JsonNode node) {
        List<WorkingPeriod> periods = new ArrayList<>();
        if (!list(node, "$.hours", MAX_PERIODS)) {
            return periods;
        }
        for (int i = 0; i < node.size(); i++) {
            String path = "$.hours[" + i + "]";
            LocalTime from = time(node.get(i), path, "from");
            LocalTime to = time(node.get(i), path, "to");
            if (from == null || to == null) {
                continue;
            }
            if (!from.isBefore(to)) {
                problem(path, Kind.RANGE_REVERSED, from, to);
            } else if (!periods.isEmpty() && from.isBefore(periods.getLast().to())) {
                problem(path, Kind.PERIODS_OVERLAP, from, periods.getLast().to());
            } else {
                periods.add(new WorkingPeriod(from, to));
            }
        }
        if (node.isEmpty()) {
            problem("$.hours", Kind.NO_WORKING_TIME);
        }
        return periods;
    }

    private List<CalendarDay> holidays(JsonNode node) {
        List<CalendarDay> days = new ArrayList<>();
        if (node.isMissingNode() || !list(node, "$.holidays", MAX_ENTRIES)) {
            return days;
        }
        for (int i = 0; i < node.size(); i++) {
            String path = "$.holidays[" + i + "]";
            LocalDate from = date(node.get(i), path, "from");
            LocalDate to = date(node.get(i), path, "to");
            LocalizedText name = localized(node.get(i).path("name"), path + ".name");
            if (from == null || to == null || name == null) {
                continue;
            }
            long length = ChronoUnit.DAYS.between(from, to) + 1;
            if (length < 1) {
                problem(path, Kind.RANGE_REVERSED, from, to);
            } else if (length > MAX_RANGE_DAYS) {
                problem(path, Kind.RANGE_TOO_LONG, length, MAX_RANGE_DAYS);
            } else {
                from.datesUntil(to.plusDays(1)).forEach(date -> days.add(new CalendarDay(date, name)));
            }
        }
        return days;
    }

    private List<CalendarDay> makeUpDays(JsonNode node) {
        List<CalendarDay> days = new ArrayList<>();
        if (node.isMissingNode() || !list(node, "$.makeUpDays", MAX_ENTRIES)) {
            return days;
        }
        for (int i = 0; i < node.size(); i++) {
            String path = "$.makeUpDays[" + i + "]";
            LocalDate date = date(node.get(i), path, "date");
            LocalizedText name = localized(node.get(i).path("name"), path + ".name");
            if (date != null && name != null) {
                days.add(new CalendarDay(date, name));
            }
        }
        return days;
    }

    private void checkNoDateTwice(List<CalendarDay> holidays, List<CalendarDay> makeUp) {
        Set<LocalDate> seen = new HashSet<>();
        for (CalendarDay day : holidays) {
            if (!seen.add(day.date())) {
                problem("$.holidays", Kind.DATE_TWICE, day.date());
            }
        }
        for (CalendarDay day : makeUp) {
            if (!seen.add(day.date())) {
                problem("$.makeUpDays", Kind.DATE_TWICE, day.date());
            }
        }
    }

    private LocalTime time(JsonNode parent, String path, String key) {
        String text = text(parent, path, key);
        if (text == null) {
            return null;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            problem(path + "." + key, Kind.BAD_TIME, shorten(text));
            return null;
        }
    }

    private LocalDate date(JsonNode parent, String path, String key) {
        String text = text(parent, path, key);
        if (text == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
                problem(path + "." + key, Kind.DATE_OUT_OF_RANGE, text, FIRST_YEAR, LAST_YEAR);
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problem(path + "." + key, Kind.BAD_DATE, shorten(text));
            return null;
        }
    }

    private LocalizedText localized(JsonNode node, String path) {
        if (!node.isObject()) {
            problem(path, Kind.MISSING, "{\"zh\": …, \"en\": …}");
            return null;
        }
        String zh = text(node, path, "zh");
        String en = text(node, path, "en");
        return zh == null || en == null ? null : LocalizedText.of(zh, en);
    }

    private String text(JsonNode parent, String path, String key) {
        JsonNode node = parent.path(key);
        String at = path + "." + key;
        if (node.isMissingNode() || node.isNull()) {
            problem(at, Kind.MISSING, key);
            return null;
        }
        if (!node.isString() || node.asString().isBlank()) {
            problem(at, Kind.NOT_TEXT, key);
            return null;
        }
        if (node.asString().length() > MAX_TEXT) {
            problem(at, Kind.TOO_LARGE, node.asString().length(), MAX_TEXT);
            return null;
        }
        return node.asString().strip();
    }

    private boolean list(JsonNode node, String path, int max) {
        if (!node.isArray()) {
            problem(path, Kind.NOT_LIST);
            return false;
        }
        if (node.size() > max) {
            problem(path, Kind.TOO_MANY, node.size(), max);
            return false;
        }
        return true;
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private void problem(String path, Kind kind, Object... args) {
        problems.add(CalendarProblem.of(source, path, kind, args));
    }
}
