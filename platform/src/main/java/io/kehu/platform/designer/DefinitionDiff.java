package io.kehu.platform.designer;

import io.kehu.platform.forms.DefinitionWriter;
import io.kehu.platform.forms.FormDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A readable difference between two versions of a form, key by key in the definition format: fields added, removed
 * and changed (with each changed key's old and new value), then the form's own keys (labels, layout, rules,
 * permissions). Comparing the written JSON keeps the diff in the words administrators see in exports.
 */
final class DefinitionDiff {

    /** One difference. {@code before} or {@code after} is null when the thing did not exist on that side. */
    record Line(Kind kind, String subject, String before, String after) {
    }

    enum Kind { FIELD_ADDED, FIELD_REMOVED, FIELD_CHANGED, FORM_CHANGED }

    private DefinitionDiff() {
    }

    static List<Line> between(FormDefinition older, FormDefinition newer, DefinitionWriter writer) {
        ObjectNode a = writer.toJson(older);
        ObjectNode b = writer.toJson(newer);
        List<Line> lines = new ArrayList<>();
        Map<String, JsonNode> fieldsA = fieldsById(a);
        Map<String, JsonNode> fieldsB = fieldsById(b);
        for (Map.Entry<String, JsonNode> e : fieldsB.entrySet()) {
            JsonNode before = fieldsA.get(e.getKey());
            if (before == null) {
                lines.add(new Line(Kind.FIELD_ADDED, e.getKey(), null, e.getValue().toString()));
            } else {
                keyChanges(e.getKey() + ".", before, e.getValue(), Kind.FIELD_CHANGED, lines);
            }
        }
        for (Map.Entry<String, JsonNode> e : fieldsA.entrySet()) {
            if (!fieldsB.containsKey(e.getKey())) {
                lines.add(new Line(Kind.FIELD_REMOVED, e.getKey(), e.getValue().toString(), null));
            }
        }
        List<String> orderA = new ArrayList<>(fieldsA.keySet());
        List<String> orderB = new ArrayList<>(fieldsB.keySet());
        orderA.retainAll(fieldsB.keySet());
        orderB.retainAll(fieldsA.keySet());
        if (!orderA.equals(orderB)) {
            lines.add(new Line(Kind.FORM_CHANGED, "fields (order)", String.join(", ", orderA),
                    String.join(", ", orderB)));
        }
        a.remove("fields");
        b.remove("fields");
        keyChanges("", a, b, Kind.FORM_CHANGED, lines);
        return lines;
    }

    private static void keyChanges(String prefix, JsonNode a, JsonNode b, Kind kind, List<Line> lines) {
        Set<String> keys = new LinkedHashSet<>();
        a.propertyNames().forEach(keys::add);
        b.propertyNames().forEach(keys::add);
        for (String key : keys) {
            JsonNode before = a.get(key);
            JsonNode after = b.get(key);
            if (!Objects.equals(before, after)) {
                lines.add(new Line(kind, prefix + key, before == null ? null : before.toString(),
                        after == null ? null : after.toString()));
            }
        }
    }

    private static Map<String, JsonNode> fieldsById(ObjectNode form) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        form.path("fields").forEach(f -> fields.putIfAbsent(f.path("id").asString(), f));
        return fields;
    }
}
