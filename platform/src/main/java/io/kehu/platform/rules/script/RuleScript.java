package io.kehu.platform.rules.script;

import groovy.lang.Script;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * The base class of every compiled rule: the variables ({@code record}, {@code old}, {@code user}, {@code today},
 * {@code now}) and helpers a rule may use. Only the methods named in {@link #SCRIPT_METHODS} are callable from a rule;
 * everything inherited from {@link Script} ({@code evaluate}, {@code binding}, {@code println}, ...) is refused by the
 * sandbox at compile time.
 */
public abstract class RuleScript extends Script {

    /** What a rule may call on itself. */
    public static final Set<String> SCRIPT_METHODS = Set.of("getRecord", "getOld", "getUser", "getToday", "getNow",
            "related", "functions", "daysBetween", "daysSince", "daysUntilAnniversary", "daysUntilPublicHoliday",
            "startOfYear", "startOfMonth", "isBlank", "round");

    private RuleContext context;

    /** Hands the evaluation its values; called by the engine on a fresh instance, never by rules. */
    public final void bind(RuleContext ruleContext) {
        this.context = ruleContext;
    }

    public RuleRecord getRecord() {
        return context.record();
    }

    public RuleRecord getOld() {
        return context.old();
    }

    public RuleUser getUser() {
        return context.user();
    }

    public LocalDate getToday() {
        return context.today();
    }

    public java.time.OffsetDateTime getNow() {
        return context.now();
    }

    /** Records of {@code formId} whose (first) reference field to this record's form points at this record. */
    public RelatedRecords related(String formId) {
        return new RelatedRecords(context.related(), formId, null, context.record().getId(), List.of());
    }

    /** Records of {@code formId} whose reference field {@code referenceField} points at this record. */
    public RelatedRecords related(String formId, String referenceField) {
        return new RelatedRecords(context.related(), formId, referenceField, context.record().getId(), List.of());
    }

    /** The function set a plugin registered under {@code name}; rules write {@code name.method(...)} instead. */
    public Object functions(String name) {
        return context.functions().get(name);
    }

    /** Whole days from {@code from} to {@code to}, negative when {@code to} is earlier; null when either is. */
    public Long daysBetween(LocalDate from, LocalDate to) {
        return from == null || to == null ? null : ChronoUnit.DAYS.between(from, to);
    }

    /**
     * Whole days from {@code moment} (a date, or a date and time taken in the zone of {@code now}) to today; null when
     * it is null. {@code daysSince(related('interaction').max('occurred_at')) > 30}: no contact for a month.
     */
    public Long daysSince(Object moment) {
        LocalDate day = switch (moment) {
            case null -> null;
            case LocalDate date -> date;
            case java.time.OffsetDateTime at -> at.atZoneSameInstant(context.now().getOffset()).toLocalDate();
            default -> throw new RuleLimitException("daysSince() takes a date or a date and time");
        };
        return day == null ? null : ChronoUnit.DAYS.between(day, context.today());
    }

    /**
     * Days from today to the next anniversary of {@code date} (a birthday, a company's founding day): 0 on the day,
     * 364 the day after; 29 February falls on 28 February in other years. Null when {@code date} is null.
     */
    public Long daysUntilAnniversary(LocalDate date) {
        if (date == null) {
            return null;
        }
        LocalDate today = context.today();
        LocalDate next = anniversaryIn(date, today.getYear());
        if (next.isBefore(today)) {
            next = anniversaryIn(date, today.getYear() + 1);
        }
        return ChronoUnit.DAYS.between(today, next);
    }

    /**
     * Days from today to the first day of the next public holiday in the company's calendar (中国大陆工作日历: 春节,
     * 清明节, 劳动节, 端午节, 中秋节, 国庆节, 元旦), 0 on its first day; null when the calendar lists none ahead (the
     * coming year's holidays are published each autumn). {@code daysUntilPublicHoliday() <= 3}: greetings are due.
     */
    public Long daysUntilPublicHoliday() {
        LocalDate today = context.today();
        return context.calendar().nextHolidayStart(today)
                .map(day -> ChronoUnit.DAYS.between(today, day.date())).orElse(null);
    }

    private static LocalDate anniversaryIn(LocalDate date, int year) {
        // withYear moves 29 February to the 28th in a common year.
        return date.withYear(year);
    }

    /** 1 January of the year of {@code date}. */
    public LocalDate startOfYear(LocalDate date) {
        return date.withDayOfYear(1);
    }

    /** The first day of the month of {@code date}. */
    public LocalDate startOfMonth(LocalDate date) {
        return date.withDayOfMonth(1);
    }

    /** Whether {@code text} is null, empty or only white space. */
    public boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** {@code number} rounded half-up to {@code digits} (0 to 10) after the point; null stays null. */
    public BigDecimal round(BigDecimal number, int digits) {
        if (digits < 0 || digits > 10) {
            throw new RuleLimitException("round() takes 0 to 10 digits");
        }
        return number == null ? null : number.setScale(digits, RoundingMode.HALF_UP);
    }
}
