package io.kehu.platform.workflow.definition;

import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.workflow.WorkflowProblem;
import io.kehu.platform.workflow.WorkflowProblem.Kind;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A place in a definition's JSON (node and path) with the reading steps every part of a definition needs; each step
 * that finds something wrong records a problem at the exact path and returns {@code null}, so reading goes on and
 * every problem is reported at once.
 */
public final class JsonCursor {

    static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    static final int MAX_TEXT = 200;
    static final Duration MAX_DURATION = Duration.ofDays(366);

    private final JsonNode node;
    private final String path;
    private final Problems problems;

    /** Collects the problems of one definition. */
    public static final class Problems {
        private final String source;
        private final List<WorkflowProblem> found = new ArrayList<>();

        public Problems(String source) {
            this.source = source;
        }

        void add(String path, Kind kind, Object... args) {
            found.add(WorkflowProblem.of(source, path, kind, args));
        }

        public List<WorkflowProblem> found() {
            return found;
        }
    }

    JsonCursor(JsonNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    JsonCursor key(String key) {
        return new JsonCursor(node.path(key), path + "." + key, problems);
    }

    boolean present() {
        return !node.isMissingNode() && !node.isNull();
    }

    void problem(Kind kind, Object... args) {
        problems.add(path, kind, args);
    }

    /** Whether this is an object with only {@code allowed} keys (unknown ones are reported). */
    boolean object(Set<String> allowed) {
        if (!node.isObject()) {
            problem(present() ? Kind.NOT_OBJECT : Kind.MISSING, lastKey());
            return false;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!allowed.contains(entry.getKey())) {
                problems.add(path + "." + entry.getKey(), Kind.UNKNOWN_KEY, shorten(entry.getKey()),
                        String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        return true;
    }

    /** The items of a list of at most {@code max}; empty (and reported) when it is not one. */
    List<JsonCursor> list(int max, boolean required) {
        if (!present()) {
            if (required) {
                problem(Kind.MISSING, lastKey());
            }
            return List.of();
        }
        if (!node.isArray()) {
            problem(Kind.NOT_LIST);
            return List.of();
        }
        if (node.size() > max) {
            problem(Kind.TOO_MANY, node.size(), max);
            return List.of();
        }
        List<JsonCursor> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            items.add(new JsonCursor(node.get(i), path + "[" + i + "]", problems));
        }
        return items;
    }

    /** The entries of an object of at most {@code max} keys, each as a cursor; empty (and reported) otherwise. */
    Map<String, JsonCursor> entries(int max) {
        Map<String, JsonCursor> entries = new LinkedHashMap<>();
        if (!node.isObject()) {
            problem(present() ? Kind.NOT_OBJECT : Kind.MISSING, lastKey());
            return entries;
        }
        if (node.size() > max) {
            problem(Kind.TOO_MANY, node.size(), max);
            return entries;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            entries.put(entry.getKey(), new JsonCursor(entry.getValue(), path + "." + entry.getKey(), problems));
        }
        return entries;
    }

    String text(boolean required) {
        return text(required, MAX_TEXT);
    }

    String text(boolean required, int maxLength) {
        if (!present()) {
            if (required) {
                problem(Kind.MISSING, lastKey());
            }
            return null;
        }
        if (!node.isString() || node.asString().isBlank()) {
            problem(Kind.NOT_TEXT, lastKey());
            return null;
        }
        if (node.asString().length() > maxLength) {
            problem(Kind.TOO_LARGE, node.asString().length(), maxLength);
            return null;
        }
        return node.asString().strip();
    }

    String id(boolean required) {
        String id = text(required);
        if (id != null && !ID.matcher(id).matches()) {
            problem(Kind.BAD_ID, shorten(id));
            return null;
        }
        return id;
    }

    boolean flag() {
        if (!present()) {
            return false;
        }
        if (!node.isBoolean()) {
            problem(Kind.NOT_BOOLEAN, lastKey());
            return false;
        }
        return node.booleanValue();
    }

    LocalizedText localized(boolean required) {
        if (!present() && !required) {
            return null;
        }
        if (!object(Set.of("zh", "en"))) {
            return null;
        }
        String zh = key("zh").text(true);
        String en = key("en").text(true);
        return zh == null || en == null ? null : LocalizedText.of(zh, en);
    }

    /** An ISO-8601 duration such as {@code PT4H} or {@code P3D}, positive and at most a year. */
    Duration duration(boolean required) {
        String text = text(required, 40);
        if (text == null) {
            return null;
        }
        try {
            Duration duration = Duration.parse(text);
            if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
                problem(Kind.BAD_DURATION, text);
                return null;
            }
            return duration;
        } catch (DateTimeParseException e) {
            problem(Kind.BAD_DURATION, shorten(text));
            return null;
        }
    }

    /** A whole number from {@code min} to {@code max}, or null when absent or wrong (reported). */
    Integer integer(int min, int max) {
        if (!present()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            problem(Kind.BAD_COUNT, lastKey(), min, max);
            return null;
        }
        return node.intValue();
    }

    /** One of {@code choices} (compared as written), or {@code fallback} when absent. */
    String choice(List<String> choices, String fallback) {
        String text = text(false);
        if (text == null) {
            return present() ? null : fallback;
        }
        if (!choices.contains(text)) {
            problem(Kind.BAD_CHOICE, shorten(text), String.join(", ", choices));
            return null;
        }
        return text;
    }

    List<String> ids(int max) {
        List<String> ids = new ArrayList<>();
        for (JsonCursor item : list(max, false)) {
            String id = item.id(true);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    private String lastKey() {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
