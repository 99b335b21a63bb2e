package io.kehu.platform.designer.workflow;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes what a form shows into the definition's JSON without disturbing what already says the same thing: a list
 * keeps the order it had, a duration written as {@code PT72H} stays so when the form shows 3 天, an absent default
 * stays absent. Keys are replaced in place, so the JSON keeps its key order.
 */
final class JsonEdits {

    private JsonEdits() {
    }

    /** {@code true} is written; {@code false} removes a {@code true} (an explicit {@code false} stays). */
    static void flag(ObjectNode node, String key, boolean value) {
        if (value) {
            node.put(key, true);
        } else if (node.path(key).asBoolean(false)) {
            node.remove(key);
        }
    }

    /** A flag whose absence means {@code fallback}: written only when it differs or was written already. */
    static void flag(ObjectNode node, String key, boolean value, boolean fallback) {
        if (node.has(key) || value != fallback) {
            node.put(key, value);
        }
    }

    /** A text; blank removes the key. */
    static void text(ObjectNode node, String key, String value) {
        if (value == null || value.isBlank()) {
            node.remove(key);
        } else if (!value.strip().equals(node.path(key).asString(null))) {
            node.put(key, value.strip());
        }
    }

    /** A {@code {"zh", "en"}} text; both blank removes the key, a blank side that was absent stays absent. */
    static void localized(ObjectNode node, String key, String zh, String en) {
        boolean blank = (zh == null || zh.isBlank()) && (en == null || en.isBlank());
        if (blank) {
            node.remove(key);
            return;
        }
        ObjectNode text = node.get(key) instanceof ObjectNode o ? o : node.putObject(key);
        side(text, "zh", zh);
        side(text, "en", en);
    }

    private static void side(ObjectNode text, String key, String value) {
        String stripped = value == null ? "" : value.strip();
        if (!stripped.isEmpty() || text.has(key)) {
            if (!stripped.equals(text.path(key).asString(null))) {
                text.put(key, stripped);
            }
        }
    }

    /**
     * A list of ids: the ones kept stay in their order, new ones follow in {@code chosen}'s order; none removes the
     * key (an explicit {@code []} that stays empty is kept).
     */
    static void list(ObjectNode node, String key, Collection<String> chosen) {
        List<String> old = strings(node.get(key));
        if (chosen.isEmpty()) {
            if (!(node.get(key) instanceof ArrayNode a && a.isEmpty())) {
                node.remove(key);
            }
            return;
        }
        writeList(node, key, old, chosen);
    }

    /** Like {@link #list} but an empty choice is written as {@code []} (it means "none", not "all"). */
    static void listKeepingEmpty(ObjectNode node, String key, Collection<String> chosen) {
        writeList(node, key, strings(node.get(key)), chosen);
    }

    private static void writeList(ObjectNode node, String key, List<String> old, Collection<String> chosen) {
        List<String> out = new ArrayList<>();
        old.stream().filter(chosen::contains).filter(s -> !out.contains(s)).forEach(out::add);
        chosen.stream().filter(s -> !out.contains(s)).forEach(out::add);
        if (out.equals(old) && node.get(key) instanceof ArrayNode) {
            return;
        }
        ArrayNode list = node.putArray(key);
        out.forEach(list::add);
    }

    /** An ISO-8601 duration; blank removes the key, one meaning the same time as the old text keeps the old text. */
    static void duration(ObjectNode node, String key, String iso) {
        if (iso == null || iso.isBlank()) {
            node.remove(key);
            return;
        }
        Duration old = parse(node.path(key).asString(""));
        if (old == null || !old.equals(parse(iso))) {
            node.put(key, iso);
        }
    }

    static Duration parse(String iso) {
        try {
            return iso == null || iso.isBlank() ? null : Duration.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The strings of a JSON array (anything else: none). */
    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node instanceof ArrayNode array) {
            array.forEach(n -> out.add(n.asString("")));
        }
        return out;
    }

    /** The object at {@code key}, or a new one not yet attached. */
    static ObjectNode objectOrNew(ObjectNode node, String key) {
        return node.get(key) instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
    }
}
