package io.kehu.plugins.tiering;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Objects;

/**
 * One evaluation period: the inclusive dates whose purchases count, and a stable key for history rows
 * ({@code 2025}, {@code 2026-Q3}, {@code 12M-2026-11}: the twelve months before November 2026).
 *
 * @param kind year, quarter or rolling twelve months
 * @param from first day
 * @param to last day (inclusive)
 */
public record Period(PeriodKind kind, LocalDate from, LocalDate to) {

    public Period {
        Objects.requireNonNull(kind, "kind");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("A period ends after it starts: " + from + " .. " + to);
        }
    }

    /** The period of {@code kind} that contains {@code day} (rolling: the twelve months ending on that month's end). */
    public static Period containing(PeriodKind kind, LocalDate day) {
        return switch (kind) {
            case CALENDAR_YEAR -> new Period(kind, day.withDayOfYear(1), day.withDayOfYear(day.lengthOfYear()));
            case QUARTER -> {
                LocalDate first = day.withMonth((day.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1).withDayOfMonth(1);
                yield new Period(kind, first, first.plusMonths(3).minusDays(1));
            }
            case ROLLING_12_MONTHS -> {
                LocalDate nextMonth = day.withDayOfMonth(1).plusMonths(1);
                yield new Period(kind, nextMonth.minusMonths(12), nextMonth.minusDays(1));
            }
        };
    }

    /** The last period of {@code kind} that ended before {@code today}: what the scheduled evaluation judges. */
    public static Period lastCompleted(PeriodKind kind, LocalDate today) {
        Period current = containing(kind, today);
        return kind == PeriodKind.ROLLING_12_MONTHS
                ? containing(kind, today.withDayOfMonth(1).minusDays(1))
                : containing(kind, current.from().minusDays(1));
    }

    /** Whether {@code day} lies in the period. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** The stable key written to history rows. */
    public String key() {
        return switch (kind) {
            case CALENDAR_YEAR -> Integer.toString(from.getYear());
            case QUARTER -> from.getYear() + "-Q" + from.get(IsoFields.QUARTER_OF_YEAR);
            case ROLLING_12_MONTHS -> "12M-" + to.plusDays(1).toString().substring(0, 7);
        };
    }

    @Override
    public String toString() {
        return key() + " (" + from + " .. " + to + ")";
    }
}
