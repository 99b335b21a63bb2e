package io.kehu.platform.calendar;

import io.kehu.platform.i18n.ProblemTexts;
import java.util.List;
import java.util.Locale;

/**
 * One thing wrong with a calendar's JSON, at the place to fix it: {@code cn-mainland.json $.holidays[3].to: ...}.
 *
 * @param source where the JSON came from, e.g. its file name
 * @param jsonPath where in it, e.g. {@code $.holidays[3].to}
 * @param kind what is wrong; its text is in bundle {@code i18n/calendar} in zh-CN and en
 * @param args the values the text names
 */
public record CalendarProblem(String source, String jsonPath, Kind kind, List<String> args) {

    /** What can be wrong with a calendar. */
    public enum Kind {
        SYNTAX, TOO_LARGE, UNKNOWN_KEY, MISSING, NOT_TEXT, NOT_LIST, BAD_ID, BAD_ZONE, BAD_WEEKDAY, BAD_TIME,
        PERIODS_OVERLAP, BAD_DATE, DATE_OUT_OF_RANGE, RANGE_REVERSED, RANGE_TOO_LONG, TOO_MANY, DATE_TWICE,
        NO_WORKING_TIME
    }

    public CalendarProblem {
        args = List.copyOf(args);
    }

    static CalendarProblem of(String source, String jsonPath, Kind kind, Object... args) {
        return new CalendarProblem(source, jsonPath, kind, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    /** What is wrong, in {@code locale}'s language (zh or en), naming the place and the offending value. */
    public String message(Locale locale) {
        return ProblemTexts.format("i18n.calendar", "calendar.problem." + kind.name(), locale, args);
    }

    @Override
    public String toString() {
        return source + " " + jsonPath + ": " + message(Locale.ENGLISH);
    }
}
