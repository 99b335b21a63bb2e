package io.kehu.platform.rules.script;

import io.kehu.platform.calendar.BusinessCalendar;
import io.kehu.platform.calendar.BusinessCalendars;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Everything one evaluation of a rule sees, handed to a fresh {@link RuleScript} instance before it runs.
 *
 * @param record the values after the change
 * @param old the values before the change ({@link RuleRecord#EMPTY} on create)
 * @param user who saves
 * @param today the date the rule runs on (server time zone)
 * @param now the moment the rule runs
 * @param related where {@code related(...)} reads from
 * @param functions plugin function sets by name
 * @param calendar the company's business calendar ({@code daysUntilPublicHoliday()}), as its admins edited it
 */
public record RuleContext(RuleRecord record, RuleRecord old, RuleUser user, LocalDate today, OffsetDateTime now,
                          RelatedRecords.Source related, Map<String, Object> functions, BusinessCalendar calendar) {

    /** A context counting holidays in the calendar Kehu ships (tools and tests without a company calendar). */
    public RuleContext(RuleRecord record, RuleRecord old, RuleUser user, LocalDate today, OffsetDateTime now,
                       RelatedRecords.Source related, Map<String, Object> functions) {
        this(record, old, user, today, now, related, functions, BusinessCalendars.chinaMainland());
    }
}
