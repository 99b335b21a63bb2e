package io.kehu.plugins.survey;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small condition language of {@code visibleIf}: SurveyJS's own spelling, so imported conditions keep working.
 * Comparisons {@code {name} op value} with {@code = == != <> > < >= <=}, {@code contains}, {@code notcontains},
 * {@code empty}, {@code notempty}, joined by {@code and} / {@code or} ({@code and} binds tighter; no parentheses).
 * Values are numbers, quoted texts, {@code true} / {@code false}. {@link #supports} tells whether a text is in this
 * language (the importer reports what is not); an unsupported condition counts as true, so a question is shown
 * rather than hidden by mistake.
 */
public final class Condition {

    private static final Pattern COMPARISON = Pattern.compile(
            "\\s*\\{([A-Za-z0-9_\\-. ]+)}\\s*(=|==|!=|<>|>=|<=|>|<|contains|notcontains|anyof|empty|notempty)"
                    + "\\s*(.*?)\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OR = Pattern.compile("\\s+or\\s+|\\s*\\|\\|\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern AND = Pattern.compile("\\s+and\\s+|\\s*&&\\s*", Pattern.CASE_INSENSITIVE);

    private Condition() {
    }

    /** Whether every part of {@code text} is a comparison this language understands. */
    public static boolean supports(String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        if (text.contains("(") || text.contains(")")) {
            return false;
        }
        for (String any : OR.split(text)) {
            for (String all : AND.split(any)) {
                Matcher m = COMPARISON.matcher(all);
                if (!m.matches() || !valueOk(m.group(2), m.group(3))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether the condition holds for these answers; a blank or unsupported condition holds. */
    public static boolean holds(String text, Map<String, Object> answers) {
        if (text == null || text.isBlank() || !supports(text)) {
            return true;
        }
        for (String any : OR.split(text)) {
            boolean all = true;
            for (String part : AND.split(any)) {
                Matcher m = COMPARISON.matcher(part);
                m.matches();
                all &= compare(answers.get(m.group(1).trim()), m.group(2).toLowerCase(java.util.Locale.ROOT),
                        literal(m.group(3)));
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /** Renames the question references of a condition ({@code {old}} → {@code {new}}), for the importer. */
    public static String rename(String text, Map<String, String> names) {
        Matcher m = Pattern.compile("\\{([A-Za-z0-9_\\-. ]+)}").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("{" + names.getOrDefault(m.group(1), m.group(1)) + "}"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean valueOk(String op, String value) {
        boolean unary = op.equalsIgnoreCase("empty") || op.equalsIgnoreCase("notempty");
        return unary ? value.isEmpty() : literal(value) != null || value.startsWith("[");
    }

    private static Object literal(String text) {
        String t = text.trim();
        if (t.length() >= 2 && (t.startsWith("'") && t.endsWith("'") || t.startsWith("\"") && t.endsWith("\""))) {
            return t.substring(1, t.length() - 1);
        }
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return Boolean.valueOf(t.toLowerCase(java.util.Locale.ROOT));
        }
        if (t.startsWith("[") && t.endsWith("]")) {
            return List.of(OR.split(t.substring(1, t.length() - 1).replace(",", " or "))).stream()
                    .map(s -> literal(s)).toList();
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return t.isEmpty() ? null : t;
        }
    }

    private static boolean compare(Object answer, String op, Object value) {
        boolean empty = answer == null || answer instanceof String s && s.isBlank()
                || answer instanceof Collection<?> c && c.isEmpty();
        return switch (op) {
            case "empty" -> empty;
            case "notempty" -> !empty;
            case "contains", "anyof" -> answer instanceof Collection<?> c
                    ? (value instanceof List<?> l ? l.stream().anyMatch(v -> c.stream().anyMatch(a -> same(a, v)))
                            : c.stream().anyMatch(a -> same(a, value)))
                    : answer != null && value != null && answer.toString().contains(value.toString());
            case "notcontains" -> !compare(answer, "contains", value);
            case "=", "==" -> same(answer, value);
            case "!=", "<>" -> !same(answer, value);
            default -> {
                BigDecimal a = number(answer);
                BigDecimal b = number(value);
                if (a == null || b == null) {
                    yield false;
                }
                int c = a.compareTo(b);
                yield switch (op) {
                    case ">" -> c > 0;
                    case "<" -> c < 0;
                    case ">=" -> c >= 0;
                    default -> c <= 0;
                };
            }
        };
    }

    private static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        if (x != null && y != null) {
            return x.compareTo(y) == 0;
        }
        return a.toString().equals(b.toString());
    }

    private static BigDecimal number(Object o) {
        if (o instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (o instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
