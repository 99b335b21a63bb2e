package io.kehu.plugins.loyalty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * The loyalty programme an admin configures on the programme screen (stored as the setting {@code programme}). Every
 * component may be absent in the stored JSON; absent means the default below.
 *
 * @param yuanPerPoint spend for one point, e.g. 10 = 1 point per ¥10
 * @param rounding how fractional points are rounded: {@code DOWN}, {@code HALF_UP} or {@code UP}
 * @param earningRule optional Groovy rule over the purchase ({@code record}) returning the base points before
 *                    multipliers and rounding; blank = amount ÷ yuanPerPoint
 * @param levelMultipliers multiplier per customer level code (the tiering plugin's levels: one source of truth)
 * @param birthdayMultiplier in the customer's birthday month the base points count this many times (2 = double)
 * @param firstPurchaseBonus extra points on a customer's first purchase
 * @param referralBonus points for the referrer when the referred customer first buys
 * @param dailyCap at most this many points earned per customer per day (0 = no cap)
 * @param customerCap at most this many points earned per customer in total (0 = no cap)
 * @param pendingDays points stay pending this many days (the return window; 0 = available at once)
 * @param expiryMonths points expire this many months after they are earned (0 = never)
 * @param noticeDays the "N 积分将于 … 到期" notice is sent this many days before
 * @param allowNegative a return may take the balance below zero; kept for programmes stored before
 *                      {@code returnShortfall} and always equal to {@code returnShortfall == NEGATIVE}
 * @param returnShortfall what a return does when the points it takes back were already spent: {@code NEGATIVE} the
 *                        balance goes below zero, {@code RECOVER} what is left is taken now and the rest from the
 *                        customer's next earnings, {@code WAIVE} only what is left is taken
 * @param pointValue what one point is worth in yuan (the liability: outstanding points × value), e.g. 0.01
 * @param levels the programme's own levels by points earned in the last {@code levelMonths} (lowest first); empty
 *               = the customer's {@code level} field, set by the tiering plugin, is the level
 * @param levelMonths the window of points that decides the level (12 = the last 12 months)
 * @param eventRules earning on record events other than purchases (a completed survey, a referral)
 */
public record Programme(BigDecimal yuanPerPoint, String rounding, String earningRule,
                        Map<String, BigDecimal> levelMultipliers, BigDecimal birthdayMultiplier,
                        Long firstPurchaseBonus, Long referralBonus, Long dailyCap, Long customerCap,
                        Integer pendingDays, Integer expiryMonths, Integer noticeDays, Boolean allowNegative,
                        String returnShortfall, BigDecimal pointValue, List<Level> levels, Integer levelMonths,
                        List<EventRule> eventRules) {

    /** Returns that find the points spent: the balance goes negative. */
    public static final String NEGATIVE = "NEGATIVE";
    /** Returns that find the points spent: the rest is taken from the next earnings. */
    public static final String RECOVER = "RECOVER";
    /** Returns that find the points spent: only what is left is taken. */
    public static final String WAIVE = "WAIVE";

    public Programme {
        yuanPerPoint = yuanPerPoint == null || yuanPerPoint.signum() <= 0 ? BigDecimal.TEN : yuanPerPoint;
        rounding = rounding == null || rounding.isBlank() ? "DOWN" : rounding;
        if (!rounding.equals("DOWN") && !rounding.equals("HALF_UP") && !rounding.equals("UP")) {
            throw new IllegalArgumentException("Rounding must be DOWN, HALF_UP or UP, not " + rounding);
        }
        earningRule = earningRule == null ? "" : earningRule;
        levelMultipliers = levelMultipliers == null ? Map.of() : Map.copyOf(levelMultipliers);
        birthdayMultiplier = birthdayMultiplier == null ? BigDecimal.ONE : birthdayMultiplier;
        firstPurchaseBonus = nonNegative(firstPurchaseBonus);
        referralBonus = nonNegative(referralBonus);
        dailyCap = nonNegative(dailyCap);
        customerCap = nonNegative(customerCap);
        pendingDays = pendingDays == null ? 0 : Math.max(0, pendingDays);
        expiryMonths = expiryMonths == null ? 0 : Math.max(0, expiryMonths);
        noticeDays = noticeDays == null ? 30 : Math.max(0, noticeDays);
        if (returnShortfall == null || returnShortfall.isBlank()) {
            returnShortfall = allowNegative == null || allowNegative ? NEGATIVE : WAIVE;
        }
        if (!List.of(NEGATIVE, RECOVER, WAIVE).contains(returnShortfall)) {
            throw new IllegalArgumentException("Return shortfall must be NEGATIVE, RECOVER or WAIVE, not "
                    + returnShortfall);
        }
        allowNegative = NEGATIVE.equals(returnShortfall);
        pointValue = pointValue == null || pointValue.signum() < 0 ? new BigDecimal("0.01") : pointValue;
        levels = levels == null ? List.of() : levels.stream()
                .sorted(java.util.Comparator.comparingLong(Level::minPoints)).toList();
        levelMonths = levelMonths == null || levelMonths <= 0 ? 12 : levelMonths;
        eventRules = eventRules == null ? List.of() : List.copyOf(eventRules);
    }

    /** A programme as stored before returns, liability, levels and events had settings (the rest default). */
    public Programme(BigDecimal yuanPerPoint, String rounding, String earningRule,
                     Map<String, BigDecimal> levelMultipliers, BigDecimal birthdayMultiplier,
                     Long firstPurchaseBonus, Long referralBonus, Long dailyCap, Long customerCap,
                     Integer pendingDays, Integer expiryMonths, Integer noticeDays, Boolean allowNegative) {
        this(yuanPerPoint, rounding, earningRule, levelMultipliers, birthdayMultiplier, firstPurchaseBonus,
                referralBonus, dailyCap, customerCap, pendingDays, expiryMonths, noticeDays, allowNegative, null, null,
                null, null, null);
    }

    /** This programme with {@code shortfall} for returns of spent points. */
    public Programme withReturnShortfall(String shortfall) {
        return new Programme(yuanPerPoint, rounding, earningRule, levelMultipliers, birthdayMultiplier,
                firstPurchaseBonus, referralBonus, dailyCap, customerCap, pendingDays, expiryMonths, noticeDays, null,
                shortfall, pointValue, levels, levelMonths, eventRules);
    }

    /** This programme with its own levels by points earned in the last {@code months}. */
    public Programme withLevels(List<Level> newLevels, int months) {
        return new Programme(yuanPerPoint, rounding, earningRule, levelMultipliers, birthdayMultiplier,
                firstPurchaseBonus, referralBonus, dailyCap, customerCap, pendingDays, expiryMonths, noticeDays, null,
                returnShortfall, pointValue, newLevels, months, eventRules);
    }

    /** This programme earning also on {@code rules}. */
    public Programme withEventRules(List<EventRule> rules) {
        return new Programme(yuanPerPoint, rounding, earningRule, levelMultipliers, birthdayMultiplier,
                firstPurchaseBonus, referralBonus, dailyCap, customerCap, pendingDays, expiryMonths, noticeDays, null,
                returnShortfall, pointValue, levels, levelMonths, rules);
    }

    /** This programme with caps per day and per customer. */
    public Programme withCaps(long perDay, long perCustomer) {
        return new Programme(yuanPerPoint, rounding, earningRule, levelMultipliers, birthdayMultiplier,
                firstPurchaseBonus, referralBonus, perDay, perCustomer, pendingDays, expiryMonths, noticeDays, null,
                returnShortfall, pointValue, levels, levelMonths, eventRules);
    }

    /**
     * A programme level: reached with {@code minPoints} earned in the window.
     *
     * @param code stored on the account and in the level history, e.g. {@code GOLD}
     * @param zh the name in Chinese, e.g. 金卡
     * @param en the name in English, e.g. Gold
     * @param minPoints points earned in the window to reach it (the lowest level normally 0)
     */
    public record Level(String code, String zh, String en, long minPoints) {
        public Level {
            if (code == null || !code.matches("[A-Z][A-Z0-9_]{0,29}")) {
                throw new IllegalArgumentException("A level code is A-Z, 0-9 and _, e.g. GOLD, not " + code);
            }
            if (minPoints < 0) {
                throw new IllegalArgumentException("Level " + code + " needs 0 or more points");
            }
        }
    }

    /**
     * Earning on a record event other than a purchase.
     *
     * @param id the rule's id, part of the idempotency key ({@code event/<form>/<record>|<id>}): once per record
     * @param form the form whose saves are watched, e.g. {@code survey_response}
     * @param customerField the field of that form naming the customer who earns (a reference to a customer)
     * @param condition a Groovy rule over the saved {@code record} that says whether it earns now, e.g.
     *                  {@code record.status == 'completed'}; blank = every saved record
     * @param points what it earns
     * @param zh what the statement says, e.g. 完成满意度调查
     * @param en the same in English
     */
    public record EventRule(String id, String form, String customerField, String condition, long points, String zh,
                            String en) {
        public EventRule {
            if (id == null || !id.matches("[a-z][a-z0-9_]{0,39}")) {
                throw new IllegalArgumentException("An event rule id is a-z, 0-9 and _, e.g. survey_done, not " + id);
            }
            if (form == null || form.isBlank() || points <= 0) {
                throw new IllegalArgumentException("Event rule " + id + " needs a form and points above 0");
            }
            customerField = customerField == null || customerField.isBlank() ? "customer" : customerField;
            condition = condition == null ? "" : condition;
        }
    }

    /** 1 point per ¥10, rounded down, no bonuses, no caps, available at once, never expiring. */
    public static Programme defaults() {
        return new Programme(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    RoundingMode roundingMode() {
        return RoundingMode.valueOf(rounding);
    }

    BigDecimal multiplierOf(String level) {
        return level == null ? BigDecimal.ONE : levelMultipliers.getOrDefault(level, BigDecimal.ONE);
    }

    private static Long nonNegative(Long value) {
        return value == null ? 0L : Math.max(0L, value);
    }
}
