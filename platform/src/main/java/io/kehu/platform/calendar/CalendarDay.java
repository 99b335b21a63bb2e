package io.kehu.platform.calendar;

import io.kehu.platform.forms.LocalizedText;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A date the calendar treats unlike its weekday: a public holiday (no work on a weekday) or a make-up working day
 * (调休上班, work on a weekend), with the name people know it by, e.g. 春节 / Spring Festival.
 */
public record CalendarDay(LocalDate date, LocalizedText name) {

    public CalendarDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(name, "name");
    }
}
