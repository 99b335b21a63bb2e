package io.kehu.plugins.survey;

import io.kehu.sdk.LocalText;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks and cleans the answers to one survey version before they are stored: only questions of the version, only
 * visible ones (a hidden question's answer is dropped), values of the right kind and range. A single choice is the
 * option's value or {@code other} (with the text under {@code <name>_other}); a multiple choice a list of those; a
 * rating or NPS a whole number; a matrix row name → rating; a date {@code yyyy-MM-dd}; yes/no a boolean.
 */
public final class Answers {

    public static final String OTHER = "other";
    static final int MAX_TEXT = 2000;

    /** The cleaned answers, or why they were refused (in both languages, naming the question). */
    public record Checked(Map<String, Object> answers, List<LocalText> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private Answers() {
    }

    public static Checked check(SurveyVersion version, Map<String, ?> given) {
        return check(version, given, q -> true);
    }

    /**
     * {@link #check(SurveyVersion, Map)} reporting problems only of the questions {@code asked} accepts (one page of
     * the answer page); conditions still read every answer, so a question on page 2 may depend on page 1.
     */
    static Checked check(SurveyVersion version, Map<String, ?> given, java.util.function.Predicate<Question> asked) {
        Map<String, Object> raw = new LinkedHashMap<>(given);
        Map<String, Object> out = new LinkedHashMap<>();
        List<LocalText> problems = new ArrayList<>();
        for (Question q : version.questions()) {
            if (!Condition.holds(q.visibleIf(), out)) {
                continue;
            }
            Object value = raw.get(q.name());
            if (isEmpty(value)) {
                if (q.mustAnswer() && asked.test(q)) {
                    problems.add(LocalText.of("请回答：" + q.title().in(java.util.Locale.CHINESE),
                            "Please answer: " + q.title().in(java.util.Locale.ENGLISH)));
                }
                continue;
            }
            Object clean = clean(q, value);
            if (clean == null) {
                if (!asked.test(q)) {
                    continue;
                }
                problems.add(LocalText.of("答案无效：" + q.title().in(java.util.Locale.CHINESE),
                        "Not a valid answer: " + q.title().in(java.util.Locale.ENGLISH)));
                continue;
            }
            out.put(q.name(), clean);
            boolean other = OTHER.equals(clean) || clean instanceof List<?> l && l.contains(OTHER);
            if (other && raw.get(q.name() + "_other") instanceof String text && !text.isBlank()) {
                out.put(q.name() + "_other", cut(text));
            }
        }
        return new Checked(out, problems);
    }

    private static Object clean(Question q, Object value) {
        return switch (q.type()) {
            case RATING -> whole(value, 1, q.scale());
            case NPS -> whole(value, 0, 10);
            case SINGLE_CHOICE -> choice(q, value);
            case MULTIPLE_CHOICE -> {
                if (!(value instanceof Collection<?> c)) {
                    yield null;
                }
                List<String> picked = new ArrayList<>();
                for (Object o : c) {
                    String v = choice(q, o);
                    if (v == null) {
                        yield null;
                    }
                    if (!picked.contains(v)) {
                        picked.add(v);
                    }
                }
                yield picked;
            }
            case TEXT, COMMENT -> value instanceof String s ? cut(s) : null;
            case DATE -> {
                try {
                    yield LocalDate.parse(value.toString()).toString();
                } catch (DateTimeParseException e) {
                    yield null;
                }
            }
            case YES_NO -> value instanceof Boolean b ? b
                    : "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : null;
            case MATRIX -> {
                if (!(value instanceof Map<?, ?> m)) {
                    yield null;
                }
                Map<String, Object> rows = new LinkedHashMap<>();
                for (Question.Row row : q.rows()) {
                    Object cell = m.get(row.value());
                    if (cell != null) {
                        Integer v = whole(cell, 1, q.scale());
                        if (v == null) {
                            yield null;
                        }
                        rows.put(row.value(), v);
                    }
                }
                yield rows.isEmpty() ? null : rows;
            }
        };
    }

    private static String choice(Question q, Object value) {
        String v = value == null ? null : value.toString();
        if (OTHER.equals(v) && q.allowsOther()) {
            return v;
        }
        return q.choices().stream().anyMatch(c -> c.value().equals(v)) ? v : null;
    }

    private static Integer whole(Object value, int min, int max) {
        try {
            int v = value instanceof Number n ? Math.toIntExact(n.longValue()) : Integer.parseInt(value.toString());
            if (value instanceof Number n && n.doubleValue() != v) {
                return null;
            }
            return v >= min && v <= max ? v : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String cut(String s) {
        String t = s.strip();
        return t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) : t;
    }

    private static boolean isEmpty(Object value) {
        return value == null || value instanceof String s && s.isBlank() || value instanceof Collection<?> c
                && c.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty();
    }
}
