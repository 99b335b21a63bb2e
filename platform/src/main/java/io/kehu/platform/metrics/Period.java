package io.kehu.platform.metrics;

import io.kehu.platform.metrics.MetricDefinition.Grain;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Calendar days from {@code start} up to, not including, {@code end}, in the viewer's time zone (a date-time
 * field's period starts at midnight there).
 */
public record Period(LocalDate start, LocalDate end) {

    /** Trends are cut at this many points, so a year by day or a decade by week stays readable. */
    public static final int MAX_POINTS = 400;

    public Period {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("A period ends after it starts: " + start + " .. " + end);
        }
    }

    /** The period of {@code grain} that holds {@code day}, e.g. the month of 2026-11-23 is November 2026. */
    public static Period of(LocalDate day, Grain grain) {
        LocalDate start = floor(day, grain);
        return new Period(start, next(start, grain));
    }

    /** The {@code count} periods of {@code grain} up to and including the one that holds {@code day}. */
    public static Period last(int count, Grain grain, LocalDate day) {
        LocalDate end = next(floor(day, grain), grain);
        LocalDate start = floor(day, grain);
        for (int i = 1; i < count; i++) {
            start = floor(start.minusDays(1), grain);
        }
        return new Period(start, end);
    }

    /**
     * The period of equal length just before this one: the month before a month, the quarter before a quarter, the 12
     * months before 12 whole months, else as many days.
     */
    public Period previous() {
        for (Grain grain : Grain.values()) {
            if (equals(of(start, grain))) {
                return of(start.minusDays(1), grain);
            }
        }
        if (start.getDayOfMonth() == 1 && end.getDayOfMonth() == 1) {
            long months = ChronoUnit.MONTHS.between(start, end);
            return new Period(start.minusMonths(months), start);
        }
        return new Period(start.minusDays(ChronoUnit.DAYS.between(start, end)), start);
    }

    /** This period cut into periods of {@code grain} (the first and last clipped to it), at most {@value #MAX_POINTS}. */
    public List<Period> split(Grain grain) {
        List<Period> parts = new ArrayList<>();
        LocalDate from = start;
        while (from.isBefore(end) && parts.size() < MAX_POINTS) {
            LocalDate to = next(floor(from, grain), grain);
            if (to.isAfter(end)) {
                to = end;
            }
            parts.add(new Period(from, to));
            from = to;
        }
        return parts;
    }

    /** The last day in the period. */
    public LocalDate lastDay() {
        return end.minusDays(1);
    }

    static LocalDate floor(LocalDate day, Grain grain) {
        return switch (grain) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> day.with(IsoFields.DAY_OF_QUARTER, 1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    static LocalDate next(LocalDate start, Grain grain) {
        return switch (grain) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
        };
    }
}
