package io.kehu.platform.rules.script;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The bounded operations the sandbox compiles {@code +} on texts and arithmetic on decimals into. A timeout cannot
 * stop one long JDK call, and doubling a text or squaring a decimal a few dozen times would allocate gigabytes or
 * compute for minutes in a single call; here every text stays under {@value #MAX_TEXT} characters and every decimal
 * has at most 34 significant digits and magnitude below 10^{@value #MAX_INTEGER_DIGITS}.
 */
public final class RuleLimits {

    /** Longest text a rule may build. */
    public static final int MAX_TEXT = 100_000;
    /** Digits before the decimal point a rule's decimal may have. */
    public static final int MAX_INTEGER_DIGITS = 30;
    private static final int MAX_SCALE = 20;

    private RuleLimits() {
    }

    /** {@code a + b} where {@code a} is a text. */
    public static String concat(Object a, Object b) {
        String left = String.valueOf(a);
        String right = String.valueOf(b);
        if ((long) left.length() + right.length() > MAX_TEXT) {
            throw new RuleLimitException("text longer than " + MAX_TEXT + " characters");
        }
        return left.concat(right);
    }

    public static BigDecimal plus(Object a, Object b) {
        return bounded(toDecimal(a).add(toDecimal(b), MathContext.DECIMAL128));
    }

    public static BigDecimal minus(Object a, Object b) {
        return bounded(toDecimal(a).subtract(toDecimal(b), MathContext.DECIMAL128));
    }

    public static BigDecimal multiply(Object a, Object b) {
        return bounded(toDecimal(a).multiply(toDecimal(b), MathContext.DECIMAL128));
    }

    public static BigDecimal divide(Object a, Object b) {
        return bounded(toDecimal(a).divide(toDecimal(b), MathContext.DECIMAL128));
    }

    public static BigDecimal remainder(Object a, Object b) {
        return bounded(toDecimal(a).remainder(toDecimal(b), MathContext.DECIMAL128));
    }

    /** A decimal for any number or numeric text; null stays null. */
    public static BigDecimal toDecimal(Object value) {
        return switch (value) {
            case null -> null;
            case BigDecimal d -> bounded(d);
            case Long l -> BigDecimal.valueOf(l);
            case Integer i -> BigDecimal.valueOf(i);
            case Double d -> bounded(BigDecimal.valueOf(d));
            case Float f -> bounded(BigDecimal.valueOf(f.doubleValue()));
            case Number n -> bounded(new BigDecimal(n.toString()));
            case Object o -> bounded(new BigDecimal(o.toString().strip()));
        };
    }

    static BigDecimal bounded(BigDecimal value) {
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            throw new RuleLimitException("number larger than 10^" + MAX_INTEGER_DIGITS);
        }
        return value.scale() > MAX_SCALE ? value.setScale(MAX_SCALE, RoundingMode.HALF_EVEN) : value;
    }
}
