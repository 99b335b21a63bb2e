package io.kehu.platform.calendar;

import java.time.LocalTime;
import java.util.Objects;

/**
 * One stretch of working time within a day, e.g. 09:00–12:00; a day's periods do not overlap and the gaps between them
 * (the lunch break) are not working time. {@code to} is exclusive.
 */
public record WorkingPeriod(LocalTime from, LocalTime to) {

    public WorkingPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("A working period must end after it starts: " + from + "–" + to);
        }
    }
}
