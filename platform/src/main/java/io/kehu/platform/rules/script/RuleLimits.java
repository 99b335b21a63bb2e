package io.kehu.platform.rules.script;

import io.kehu.platform.rules.script.RuleLimitException.Kind;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The bounded operations the sandbox compiles a rule's costly steps into. A timeout checked where closures start
 * cannot stop one long JDK call, so every value a rule can produce is bounded before the work is done: texts stay
 * under {@value #MAX_TEXT} characters (also when a list is turned into text), decimals have at most 34 significant
 * digits, a magnitude below 10^{@value #MAX_INTEGER_DIGITS} and at most {@value #MAX_SCALE} digits after the point,
 * a list or map literal holds at most {@value #MAX_ELEMENTS} values (nested ones counted) and
 * {@value #MAX_COLLECTION_TEXT} characters of text, and text searches run in linear time. Work on large values is
 * also charged to the evaluation's time budget ({@link #begin}), so many long calls in a row are stopped too.
 */
public final class RuleLimits {

    /** Longest text a rule may build. */
    public static final int MAX_TEXT = 100_000;
    /** Digits before the decimal point a rule's decimal may have. */
    public static final int MAX_INTEGER_DIGITS = 30;
    /** Digits after the decimal point a rule's decimal keeps (more are rounded half-even). */
    public static final int MAX_SCALE = 20;
    /** Values a list or map literal may hold, nested lists' and maps' values counted. */
    public static final int MAX_ELEMENTS = 10_000;
    /** Characters of text a list or map literal may hold in all. */
    public static final int MAX_COLLECTION_TEXT = 1_000_000;
    /** Longest text a rule may convert to a number. */
    public static final int MAX_NUMBER_TEXT = 100;
    /** Work units (about one character or element each) between two looks at the clock. */
    private static final long CHECK_EVERY = 50_000;
    /** Texts and collections below this size are too small to be worth metering. */
    private static final int SMALL = 1_000;

    private static final ThreadLocal<Meter> METER = ThreadLocal.withInitial(Meter::new);

    private RuleLimits() {
    }

    /** The running evaluation's deadline (a {@link System#nanoTime()} value, 0: none) and work since the last look. */
    private static final class Meter {
        long deadline;
        long units;
    }

    /**
     * Starts metering an evaluation on this thread that must end by {@code deadlineNanos}; returns the deadline of an
     * evaluation it interrupts, to hand back to {@link #end}.
     */
    public static long begin(long deadlineNanos) {
        Meter meter = METER.get();
        long previous = meter.deadline;
        meter.deadline = deadlineNanos;
        meter.units = 0;
        return previous;
    }

    /** Ends the evaluation {@link #begin} started, restoring the one it interrupted (0: none). */
    public static void end(long previous) {
        METER.get().deadline = previous;
    }

    /** Whether an evaluation is being metered on this thread (none should be once it returned or threw). */
    public static boolean metering() {
        return METER.get().deadline != 0;
    }

    /** Charges {@code work} units to the running evaluation and stops it when past its deadline. */
    static void charge(long work) {
        Meter meter = METER.get();
        meter.units += work;
        if (meter.units >= CHECK_EVERY) {
            meter.units = 0;
            if (meter.deadline != 0 && System.nanoTime() - meter.deadline > 0) {
                throw new RuleLimitException(Kind.TIME, "took longer than its time limit and was stopped");
            }
        }
    }

    // ---- texts

    /** {@code a + b} where {@code a} is a text. */
    public static String concat(Object a, Object b) {
        String left = text(a);
        String right = text(b);
        if ((long) left.length() + right.length() > MAX_TEXT) {
            throw new RuleLimitException(Kind.TEXT, "text longer than " + MAX_TEXT + " characters");
        }
        if (left.length() + right.length() > SMALL) {
            charge(left.length() + right.length());
        }
        return left.concat(right);
    }

    /**
     * {@code value.toString()} for any value a rule holds, built with the length checked while it grows: a list of
     * lists that share elements would otherwise print to gigabytes before any check could see it.
     */
    public static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (!(value instanceof Collection<?>) && !(value instanceof Map<?, ?>)) {
            String s = String.valueOf(value);
            if (s.length() > MAX_TEXT) {
                throw new RuleLimitException(Kind.TEXT, "text longer than " + MAX_TEXT + " characters");
            }
            return s;
        }
        StringBuilder out = new StringBuilder();
        render(value, out, new IdentityHashMap<>());
        charge(out.length());
        return out.toString();
    }

    private static void render(Object value, StringBuilder out, IdentityHashMap<Object, Boolean> open) {
        switch (value) {
            case Collection<?> list when open.put(list, Boolean.TRUE) == null -> {
                out.append('[');
                boolean first = true;
                for (Object element : list) {
                    append(out, first ? "" : ", ");
                    first = false;
                    render(element, out, open);
                }
                out.append(']');
                open.remove(list);
            }
            case Map<?, ?> map when open.put(map, Boolean.TRUE) == null -> {
                out.append('[');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    append(out, first ? "" : ", ");
                    first = false;
                    render(entry.getKey(), out, open);
                    append(out, ":");
                    render(entry.getValue(), out, open);
                }
                append(out, map.isEmpty() ? ":]" : "]");
                open.remove(map);
            }
            case Collection<?> self -> append(out, "(this Collection)");
            case Map<?, ?> self -> append(out, "(this Map)");
            case null -> append(out, "null");
            default -> append(out, String.valueOf(value));
        }
    }

    private static void append(StringBuilder out, String part) {
        if ((long) out.length() + part.length() > MAX_TEXT) {
            throw new RuleLimitException(Kind.TEXT, "text longer than " + MAX_TEXT + " characters");
        }
        out.append(part);
    }

    /** {@code text.contains(part)} in linear time; also {@code list.contains(value)}, metered by size. */
    public static boolean contains(Object receiver, Object part) {
        if (receiver instanceof CharSequence text) {
            return indexOf(text, part) >= 0;
        }
        if (receiver instanceof Collection<?> list) {
            if (list.size() > SMALL) {
                charge(list.size());
            }
            return list.contains(part);
        }
        throw new NullPointerException("contains on null");
    }

    /** {@code receiver?.contains(part)}. */
    public static Boolean containsOrNull(Object receiver, Object part) {
        return receiver == null ? null : contains(receiver, part);
    }

    /** {@code receiver?.indexOf(part)}. */
    public static Integer indexOfOrNull(Object receiver, Object part) {
        return receiver == null ? null : indexOf(receiver, part);
    }

    /** {@code value?.toString()}. */
    public static String textOrNull(Object value) {
        return value == null ? null : text(value);
    }

    /** {@code value?.toBigDecimal()}. */
    public static BigDecimal toDecimalOrNull(Object value) {
        return toDecimal(value);
    }

    /** {@code text.isNumber()}: whether it reads as a decimal, without parsing texts too long to be one. */
    public static boolean isNumber(Object text) {
        String s = text.toString().strip();
        if (s.length() > MAX_NUMBER_TEXT) {
            return false;
        }
        try {
            new BigDecimal(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** {@code text?.isNumber()}. */
    public static Boolean isNumberOrNull(Object text) {
        return text == null ? null : isNumber(text);
    }

    /** {@code text.indexOf(part)}: the JDK's search for short needles, otherwise a linear-time one (KMP). */
    public static int indexOf(Object receiver, Object part) {
        if (!(receiver instanceof CharSequence text)) {
            throw new NullPointerException("indexOf on null");
        }
        String haystack = text.toString();
        String needle = part instanceof Character c ? c.toString() : ((CharSequence) part).toString();
        int n = haystack.length();
        int m = needle.length();
        if (n > SMALL) {
            charge(n + m);
        }
        if (m <= 64 || (long) n * m <= 1_000_000) {
            return haystack.indexOf(needle); // worst case n * m stays small
        }
        return linearIndexOf(haystack, needle);
    }

    /** Knuth–Morris–Pratt: at most 2n + 2m steps whatever the texts. */
    private static int linearIndexOf(String text, String pattern) {
        int m = pattern.length();
        int[] border = new int[m];
        for (int i = 1, k = 0; i < m; i++) {
            while (k > 0 && pattern.charAt(i) != pattern.charAt(k)) {
                k = border[k - 1];
            }
            if (pattern.charAt(i) == pattern.charAt(k)) {
                k++;
            }
            border[i] = k;
        }
        for (int i = 0, k = 0; i < text.length(); i++) {
            while (k > 0 && text.charAt(i) != pattern.charAt(k)) {
                k = border[k - 1];
            }
            if (text.charAt(i) == pattern.charAt(k)) {
                k++;
            }
            if (k == m) {
                return i - m + 1;
            }
        }
        return -1;
    }

    // ---- collections

    /** A list literal, refused when it (with nested lists and maps) holds too many values or too much text. */
    public static java.util.List<?> list(java.util.List<?> literal) {
        weigh(literal);
        return literal;
    }

    /** A map literal, refused like {@link #list}. */
    public static Map<?, ?> map(Map<?, ?> literal) {
        weigh(literal);
        return literal;
    }

    private static void weigh(Object literal) {
        long[] weight = new long[2];
        weigh(literal, weight, 0);
        if (weight[0] > SMALL) {
            charge(weight[0] + weight[1] / 16);
        }
    }

    /** Counts values and characters; shared and nested values count every time they occur, as printing would. */
    private static void weigh(Object value, long[] weight, int depth) {
        if (++weight[0] > MAX_ELEMENTS || depth > 100) {
            throw new RuleLimitException(Kind.COLLECTION, "list or map with more than " + MAX_ELEMENTS + " values");
        }
        switch (value) {
            case CharSequence text -> {
                weight[1] += text.length();
                if (weight[1] > MAX_COLLECTION_TEXT) {
                    throw new RuleLimitException(Kind.COLLECTION,
                            "list or map with more than " + MAX_COLLECTION_TEXT + " characters of text");
                }
            }
            case Collection<?> list -> {
                for (Object element : list) {
                    weigh(element, weight, depth + 1);
                }
            }
            case Map<?, ?> map -> {
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    weigh(entry.getKey(), weight, depth + 1);
                    weigh(entry.getValue(), weight, depth + 1);
                }
            }
            case null, default -> {
            }
        }
    }

    // ---- decimals

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
            case Number n -> decimalText(n.toString());
            case Object o -> decimalText(o.toString().strip());
        };
    }

    /** {@code text.toBigDecimal()}: the text's length is checked before parsing (parsing is not linear). */
    private static BigDecimal decimalText(String text) {
        if (text.length() > MAX_NUMBER_TEXT) {
            throw new RuleLimitException(Kind.NUMBER, "number text longer than " + MAX_NUMBER_TEXT + " characters");
        }
        return bounded(new BigDecimal(text));
    }

    /** A decimal any allowed call returned (e.g. {@code BigDecimal.valueOf(1, -999999999)}), checked for size. */
    public static BigDecimal decimal(BigDecimal value) {
        return value == null ? null : bounded(value);
    }

    /**
     * Checks the cheap facts (scale, then precision) before anything that could compute: a decimal like 1E-999999999
     * is not rounded digit by digit, it is zero to {@value #MAX_SCALE} places.
     */
    static BigDecimal bounded(BigDecimal value) {
        int scale = value.scale();
        if (scale < -MAX_INTEGER_DIGITS || (long) value.precision() - scale > MAX_INTEGER_DIGITS) {
            throw new RuleLimitException(Kind.NUMBER, "number larger than 10^" + MAX_INTEGER_DIGITS);
        }
        if (scale <= MAX_SCALE) {
            return value;
        }
        if ((long) value.precision() - scale < -MAX_SCALE - 1) {
            return BigDecimal.ZERO.setScale(MAX_SCALE);
        }
        return value.setScale(MAX_SCALE, RoundingMode.HALF_EVEN);
    }
}
