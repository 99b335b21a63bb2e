package io.kehu.platform.calendar;

import io.kehu.platform.forms.LocalizedText;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A public holiday as people name it: 春节 from 2026-02-15 to 2026-02-23, not nine separate dates. The calendar keeps
 * dates; editors and the written JSON work in ranges.
 */
public record HolidayRange(LocalDate from, LocalDate to, LocalizedText name) {

    /** The longest holiday one entry may span (the reader's limit; 春节 with its weekends is 8–9 days). */
    public static final int LONGEST_DAYS = CalendarJson.MAX_RANGE_DAYS;

    public HolidayRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(name, "name");
    }

    /** How many calendar days it spans, both ends included (0 or less when {@code to} is before {@code from}). */
    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** Its dates, one {@link CalendarDay} each. */
    public List<CalendarDay> dates() {
        return from.datesUntil(to.plusDays(1)).map(date -> new CalendarDay(date, name)).toList();
    }

    /**
     * Dates in order joined into ranges: consecutive dates with the same name make one range, at most
     * {@code longest} days long (the reader's limit, so written ranges are read back).
     */
    static List<HolidayRange> of(List<CalendarDay> holidays, int longest) {
        List<HolidayRange> ranges = new ArrayList<>();
        int i = 0;
        while (i < holidays.size()) {
            CalendarDay first = holidays.get(i);
            LocalDate to = first.date();
            int j = i + 1;
            while (j < holidays.size() && holidays.get(j).date().equals(to.plusDays(1))
                    && holidays.get(j).name().equals(first.name()) && j - i < longest) {
                to = holidays.get(j).date();
                j++;
            }
            ranges.add(new HolidayRange(first.date(), to, first.name()));
            i = j;
        }
        return ranges;
    }

    /** {@code calendar}'s holidays as ranges, in date order. */
    public static List<HolidayRange> of(BusinessCalendar calendar) {
        return of(calendar.holidays(), CalendarJson.MAX_RANGE_DAYS);
    }
}
