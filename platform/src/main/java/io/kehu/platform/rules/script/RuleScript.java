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
            "related", "functions", "daysBetween", "startOfYear", "startOfMonth", "isBlank", "round");

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
