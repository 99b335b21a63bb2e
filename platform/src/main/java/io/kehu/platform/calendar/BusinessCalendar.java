package io.kehu.platform.calendar;

import io.kehu.platform.forms.LocalizedText;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * When a company works, and how much working time lies between two moments. A date is a working day when it is a
 * make-up working day (调休上班), or when it is a working weekday and not a holiday; on a working day the
 * {@link #hours()} count, in the calendar's {@link #zone()}.
 *
 * <p>Immutable and thread-safe. Counting walks the calendar day by day, so it is bounded by {@link #MAX_SPAN_DAYS}:
 * no SLA is measured in decades, and a walk that finds no working time in that span (a calendar that is all holiday)
 * ends with an {@link IllegalStateException} instead of looping.
 */
public final class BusinessCalendar {

    /** The longest stretch of calendar days one count walks through (about 30 years). */
    public static final int MAX_SPAN_DAYS = 11_000;

    private final String id;
    private final LocalizedText label;
    private final ZoneId zone;
    private final Set<DayOfWeek> workingDays;
    private final List<WorkingPeriod> hours;
    private final java.util.NavigableMap<LocalDate, CalendarDay> holidays;
    private final Map<LocalDate, CalendarDay> makeUpDays;
    private final Set<Integer> holidayYears;

    BusinessCalendar(String id, LocalizedText label, ZoneId zone, Set<DayOfWeek> workingDays, List<WorkingPeriod> hours,
            List<CalendarDay> holidays, List<CalendarDay> makeUpDays) {
        this.id = id;
        this.label = label;
        this.zone = zone;
        this.workingDays = workingDays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(workingDays));
        this.hours = List.copyOf(hours);
        this.holidays = byDate(holidays);
        this.makeUpDays = byDate(makeUpDays);
        this.holidayYears = holidays.stream().map(day -> day.date().getYear()).collect(Collectors.toUnmodifiableSet());
    }

    private static java.util.NavigableMap<LocalDate, CalendarDay> byDate(List<CalendarDay> days) {
        return days.stream().collect(Collectors.toMap(CalendarDay::date, Function.identity(), (a, b) -> a, TreeMap::new));
    }

    /** The calendar's id, e.g. {@code cn-mainland}. */
    public String id() {
        return id;
    }

    /** The calendar's name for people, e.g. 中国大陆工作日历. */
    public LocalizedText label() {
        return label;
    }

    /** The time zone its dates and hours are in. */
    public ZoneId zone() {
        return zone;
    }

    /** A working day's working periods, in order. */
    public List<WorkingPeriod> hours() {
        return hours;
    }

    /** The weekdays people work on when no holiday or make-up day says otherwise. */
    public Set<DayOfWeek> workingDays() {
        return workingDays;
    }

    /** Every holiday date, in date order (a range such as 春节 is one entry per day). */
    public List<CalendarDay> holidays() {
        return List.copyOf(holidays.values());
    }

    /** Every make-up working day (调休上班), in date order. */
    public List<CalendarDay> makeUpDays() {
        return List.copyOf(new TreeMap<>(makeUpDays).values());
    }

    /**
     * This calendar with other holidays and make-up days, as an admin edits them; not checked here — a company
     * calendar is stored only after {@link BusinessCalendars#read} accepts its written form.
     */
    public BusinessCalendar withSpecialDays(List<CalendarDay> newHolidays, List<CalendarDay> newMakeUpDays) {
        return new BusinessCalendar(id, label, zone, workingDays, hours, newHolidays, newMakeUpDays);
    }

    /** Whether people work on {@code date}: make-up days first, then holidays, then the weekday. */
    public boolean isWorkingDay(LocalDate date) {
        if (makeUpDays.containsKey(date)) {
            return true;
        }
        return !holidays.containsKey(date) && workingDays.contains(date.getDayOfWeek());
    }

    /** The holiday or make-up day {@code date} is, if it is either. */
    public Optional<CalendarDay> specialDay(LocalDate date) {
        CalendarDay day = makeUpDays.get(date);
        return Optional.ofNullable(day != null ? day : holidays.get(date));
    }

    /**
     * The first day of the next public holiday starting on or after {@code from} (春节 from its first day off, not a
     * day in the middle of it), with its name; empty when the calendar lists none after {@code from} (next year's are
     * published each autumn).
     */
    public Optional<CalendarDay> nextHolidayStart(LocalDate from) {
        for (Map.Entry<LocalDate, CalendarDay> day = holidays.ceilingEntry(from); day != null;
                day = holidays.higherEntry(day.getKey())) {
            if (!holidays.containsKey(day.getKey().minusDays(1))) {
                return Optional.of(day.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the calendar lists holidays for {@code year}. Holidays are published a year at a time (China's State
     * Council announces them each autumn); a deadline in a year without them is counted by weekdays only, which a
     * screen should say.
     */
    public boolean holidaysKnown(int year) {
        return holidayYears.contains(year);
    }

    /**
     * The moment {@code amount} of working time after {@code start}, e.g. the deadline of "respond within 4 working
     * hours". Time outside working hours does not count, so a complaint logged on Friday at 17:00 with 4 hours is due
     * on Monday at 12:00 with 09:00–12:00 and 13:30–18:00 hours. A deadline that falls exactly at the end of a period
     * is that end (12:00, not 13:30). Zero or negative amounts give {@code start}.
     */
    public Instant plusWorkingTime(Instant start, Duration amount) {
        if (amount.isZero() || amount.isNegative()) {
            return start;
        }
        Duration left = amount;
        LocalDate day = start.atZone(zone).toLocalDate();
        for (int walked = 0; walked < MAX_SPAN_DAYS; walked++, day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (WorkingPeriod period : hours) {
                Instant from = max(start, instant(day, period.from()));
                Instant to = instant(day, period.to());
                if (from.isBefore(to)) {
                    Duration available = Duration.between(from, to);
                    if (left.compareTo(available) <= 0) {
                        return from.plus(left);
                    }
                    left = left.minus(available);
                }
            }
        }
        throw new IllegalStateException("Calendar " + id + " has not enough working time within " + MAX_SPAN_DAYS
                + " days of " + start);
    }

    /**
     * The working time between two moments (zero when {@code to} is not after {@code from}): how long an SLA clock
     * ran, before pauses are taken off.
     */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate day = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        for (int walked = 0; !day.isAfter(last); walked++, day = day.plusDays(1)) {
            if (walked >= MAX_SPAN_DAYS) {
                throw new IllegalArgumentException("A span longer than " + MAX_SPAN_DAYS + " days: " + from + " – " + to);
            }
            if (!isWorkingDay(day)) {
                continue;
            }
            for (WorkingPeriod period : hours) {
                Instant start = max(from, instant(day, period.from()));
                Instant end = min(to, instant(day, period.to()));
                if (start.isBefore(end)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /** {@code moment} itself when it is working time, else the start of the next working period. */
    public Instant nextWorkingMoment(Instant moment) {
        LocalDate day = moment.atZone(zone).toLocalDate();
        for (int walked = 0; walked < MAX_SPAN_DAYS; walked++, day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (WorkingPeriod period : hours) {
                Instant to = instant(day, period.to());
                if (moment.isBefore(to)) {
                    return max(moment, instant(day, period.from()));
                }
            }
        }
        throw new IllegalStateException("Calendar " + id + " has no working time within " + MAX_SPAN_DAYS
                + " days of " + moment);
    }

    private Instant instant(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(zone).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    @Override
    public String toString() {
        return "BusinessCalendar[" + id + ", " + zone + ", " + workingDays + ", " + hours + ", " + holidays.size()
                + " holidays, " + makeUpDays.size() + " make-up days]";
    }
}
