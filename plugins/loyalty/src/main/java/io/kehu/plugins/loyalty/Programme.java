package io.kehu.plugins.loyalty;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * @param allowNegative a return may take the balance below zero (else only what is left is taken back)
 */
public record Programme(BigDecimal yuanPerPoint, String rounding, String earningRule,
                        Map<String, BigDecimal> levelMultipliers, BigDecimal birthdayMultiplier,
                        Long firstPurchaseBonus, Long referralBonus, Long dailyCap, Long customerCap,
                        Integer pendingDays, Integer expiryMonths, Integer noticeDays, Boolean allowNegative) {

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
        allowNegative = allowNegative == null || allowNegative;
    }

    /** 1 point per ¥10, rounded down, no bonuses, no caps, available at once, never expiring. */
    public static Programme defaults() {
        return new Programme(null, null, null, null, null, null, null, null, null, null, null, null, null);
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
