package io.kehu.platform.calendar;

import io.kehu.platform.i18n.ProblemTexts;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A calendar that cannot be used, with every problem found, one per line in the message. */
public class CalendarException extends RuntimeException {

    private final List<CalendarProblem> problems;

    public CalendarException(List<CalendarProblem> problems) {
        super(problems.stream().map(CalendarProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** The problems in document order. */
    public List<CalendarProblem> problems() {
        return problems;
    }

    /** The problems for a person, one per line, in {@code locale}'s language, each starting with its JSON path. */
    public String describe(Locale locale) {
        return ProblemTexts.lines(problems, CalendarProblem::jsonPath, CalendarProblem::message, locale);
    }
}
