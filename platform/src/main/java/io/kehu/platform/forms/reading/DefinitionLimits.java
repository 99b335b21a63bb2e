package io.kehu.platform.forms.reading;

import io.kehu.platform.forms.DefinitionProblem;

import io.kehu.platform.forms.DefinitionProblem.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The size limits of a definition, checked before anything else looks at it (the schema, the model, the checks of
 * meaning, the publisher) and in time linear in its length, so that a hostile or careless definition is refused
 * quickly instead of making a later step slow: a number such as {@code 1E+1000000000} costs nothing to parse but
 * minutes to compare or normalise, ten thousand fields take minutes to publish while the publish lock is held, and
 * PostgreSQL allows at most 1,600 columns per table. The limits are listed in {@code docs/form-definitions.md}.
 */
public final class DefinitionLimits {

    /** Characters of one definition's JSON text; the five seeds are 3-10 KB each. */
    static final int MAX_DOCUMENT_CHARS = 1_000_000;
    /** Nesting of JSON objects and arrays; a definition needs 5 ({@code $.fields[0].options[0].label.zh}). */
    public static final int MAX_NESTING_DEPTH = 32;
    /** Fields per form: at most two columns each (money) plus system columns stay far below PostgreSQL's 1,600. */
    public static final int MAX_FIELDS = 300;
    /** Options of one select or multiselect field (and so values of a multiselect default). */
    public static final int MAX_OPTIONS = 1_000;
    /** Sections of the layout. */
    static final int MAX_SECTIONS = 100;
    /** Form rules. */
    static final int MAX_RULES = 100;
    /** Entries of any other list or object (roles, unknown keys...). */
    static final int MAX_ENTRIES = 1_000;
    /** Characters of a script: visibleWhen, requiredWhen, expression, a rule's script. */
    static final int MAX_SCRIPT_CHARS = 10_000;
    /** Characters of a text default (a textarea may hold up to 10,000). */
    static final int MAX_DEFAULT_CHARS = 10_000;
    /** Characters of a help text or a rule message, per language. */
    static final int MAX_LONG_TEXT_CHARS = 1_000;
    /** Characters of a field pattern. */
    public static final int MAX_PATTERN_CHARS = 500;
    /** Characters of every other string: labels, ids, option values, icon, navigation group, keys. */
    static final int MAX_TEXT_CHARS = 200;
    /** Digits before the decimal point of any number: the widest column, a decimal of scale 0, has 24. */
    static final int MAX_INTEGER_DIGITS = 24;
    /** Digits after the decimal point of any number (the largest decimal scale is 10). */
    static final int MAX_FRACTION_DIGITS = 10;
    /** Magnitude of {@code navigation.order}. */
    public static final int MAX_NAVIGATION_ORDER = 1_000_000;

    /** List limits by shape: the JSON path with every index written {@code []}. */
    private static final Map<String, Integer> LIST_LIMITS = Map.of(
            "$.fields", MAX_FIELDS,
            "$.fields[].options", MAX_OPTIONS,
            "$.fields[].default", MAX_OPTIONS,
            "$.layout", MAX_SECTIONS,
            "$.layout[].fields", MAX_FIELDS,
            "$.rules", MAX_RULES,
            "$.permissions.fields", MAX_FIELDS);
    private static final Map<String, Integer> STRING_LIMITS = Map.of(
            "visibleWhen", MAX_SCRIPT_CHARS,
            "requiredWhen", MAX_SCRIPT_CHARS,
            "expression", MAX_SCRIPT_CHARS,
            "script", MAX_SCRIPT_CHARS,
            "pattern", MAX_PATTERN_CHARS,
            "default", MAX_DEFAULT_CHARS);
    private static final int SHOWN_NUMBER_CHARS = 40;

    private final String source;
    private final List<DefinitionProblem> problems = new ArrayList<>();

    private DefinitionLimits(String source) {
        this.source = source;
    }

    /** A problem when {@code text} is too long to be read at all. */
    public static Optional<DefinitionProblem> documentSize(String source, String text) {
        if (text.length() <= MAX_DOCUMENT_CHARS) {
            return Optional.empty();
        }
        return Optional.of(DefinitionProblem.of(source, JsonPaths.ROOT, Kind.DOCUMENT_TOO_LARGE,
                String.valueOf(text.length()), String.valueOf(MAX_DOCUMENT_CHARS)));
    }

    /** Every list, object, string and number of {@code root} beyond its limit. */
    public static List<DefinitionProblem> check(String source, JsonNode root) {
        DefinitionLimits limits = new DefinitionLimits(source);
        limits.visit(root, JsonPaths.ROOT, JsonPaths.ROOT, null);
        return List.copyOf(limits.problems);
    }

    /**
     * @param shape the path with indexes written {@code []}, which is what limits are keyed by
     * @param key the object key {@code node} is the value of, or null for list items and the root
     */
    private void visit(JsonNode node, String path, String shape, String key) {
        if (node.isArray()) {
            if (entries(node, path, shape)) {
                for (int i = 0; i < node.size(); i++) {
                    visit(node.get(i), JsonPaths.index(path, i), shape + "[]", null);
                }
            }
        } else if (node.isObject()) {
            if (entries(node, path, shape)) {
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    if (e.getKey().length() > MAX_TEXT_CHARS) {
                        problem(path, Kind.TEXT_TOO_LONG, e.getKey().length(), MAX_TEXT_CHARS);
                    } else {
                        visit(e.getValue(), JsonPaths.key(path, e.getKey()),
                                shape.equals("$.permissions.fields") ? shape + ".*" : shape + "." + e.getKey(),
                                e.getKey());
                    }
                }
            }
        } else if (node.isString()) {
            int limit = stringLimit(shape, key);
            if (node.asString().length() > limit) {
                problem(path, Kind.TEXT_TOO_LONG, node.asString().length(), limit);
            }
        } else if (node.isNumber()) {
            number(node, path, shape);
        }
    }

    private boolean entries(JsonNode node, String path, String shape) {
        int limit = LIST_LIMITS.getOrDefault(shape, MAX_ENTRIES);
        if (node.size() > limit) {
            problem(path, Kind.TOO_MANY, node.size(), limit);
            return false;
        }
        return true;
    }

    private static int stringLimit(String shape, String key) {
        if (key == null) {
            return MAX_TEXT_CHARS;
        }
        if (shape.endsWith(".help." + key) || shape.endsWith(".message." + key)) {
            return MAX_LONG_TEXT_CHARS;
        }
        return STRING_LIMITS.getOrDefault(key, MAX_TEXT_CHARS);
    }

    /**
     * Digits are counted on the value with trailing zeros stripped, which is cheap whatever the exponent, and nothing
     * else touches the number before this: comparing or rescaling {@code 1E+1000000000} would build a billion-digit
     * integer.
     */
    private void number(JsonNode node, String path, String shape) {
        BigDecimal value = node.decimalValue().stripTrailingZeros();
        int integerDigits = value.signum() == 0 ? 0 : value.precision() - value.scale();
        int fractionDigits = Math.max(value.scale(), 0);
        if (integerDigits > MAX_INTEGER_DIGITS || fractionDigits > MAX_FRACTION_DIGITS) {
            problems.add(DefinitionProblem.of(source, path, Kind.NUMBER_TOO_BIG, shown(node),
                    String.valueOf(MAX_INTEGER_DIGITS), String.valueOf(MAX_FRACTION_DIGITS)));
            return;
        }
        if (shape.equals("$.navigation.order")
                && value.abs().compareTo(BigDecimal.valueOf(MAX_NAVIGATION_ORDER)) > 0) {
            problems.add(DefinitionProblem.of(source, path, Kind.NUMBER_OUT_OF_RANGE, shown(node),
                    String.valueOf(-MAX_NAVIGATION_ORDER), String.valueOf(MAX_NAVIGATION_ORDER)));
        }
    }

    /** The number as written, shortened: a thousand digits would drown the message. */
    static String shown(JsonNode node) {
        String text = node.isBigDecimal() ? node.decimalValue().toString() : node.asString();
        return text.length() <= SHOWN_NUMBER_CHARS ? text : text.substring(0, SHOWN_NUMBER_CHARS) + "…";
    }

    private void problem(String path, Kind kind, int found, int limit) {
        problems.add(DefinitionProblem.of(source, path, kind, String.valueOf(found), String.valueOf(limit)));
    }
}
