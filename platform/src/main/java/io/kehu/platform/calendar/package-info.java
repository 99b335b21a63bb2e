/**
 * Business calendars: when a company works. A {@link io.kehu.platform.calendar.BusinessCalendar} knows the working
 * weekdays, the working hours of a day (with the lunch break as the gap between two periods), the public holidays and
 * the make-up working days (调休) that move a weekend into a working day. Workflow SLAs ("first response within 4 working
 * hours"), reminders and escalations count time with it, and so can plugins (visit cadences, survey deadlines).
 *
 * <p>Calendars are data, not code: {@link io.kehu.platform.calendar.BusinessCalendars} reads them from JSON (format in
 * {@code docs/workflows.md}, "Business calendar") with every problem reported at its JSON path, and ships the mainland
 * China calendar as {@code calendars/cn-mainland.json}. A year whose holidays were not entered still counts weekdays
 * and hours; {@link io.kehu.platform.calendar.BusinessCalendar#holidaysKnown(int)} lets screens warn about it.
 */
package io.kehu.platform.calendar;
