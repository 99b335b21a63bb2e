package io.kehu.platform.designer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A readable difference between two versions of a workflow, in the definition format: states and transitions added,
 * removed and changed (by id, key by key), then the workflow's own keys. Like the forms' {@code DefinitionDiff}.
 */
final class WorkflowDiff {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One difference; {@code before} or {@code after} is null when the thing did not exist on that side. */
    record Line(Kind kind, String subject, String before, String after) {
    }

    enum Kind { STATE_ADDED, STATE_REMOVED, STATE_CHANGED, TRANSITION_ADDED, TRANSITION_REMOVED, TRANSITION_CHANGED,
        WORKFLOW_CHANGED }

    private WorkflowDiff() {
    }

    static List<Line> between(String older, String newer) {
        ObjectNode a = object(older);
        ObjectNode b = object(newer);
        List<Line> lines = new ArrayList<>();
        list(a, b, "states", Kind.STATE_ADDED, Kind.STATE_REMOVED, Kind.STATE_CHANGED, lines);
        list(a, b, "transitions", Kind.TRANSITION_ADDED, Kind.TRANSITION_REMOVED, Kind.TRANSITION_CHANGED, lines);
        a.remove(List.of("states", "transitions"));
        b.remove(List.of("states", "transitions"));
        keys("", a, b, Kind.WORKFLOW_CHANGED, lines);
        return lines;
    }

    private static void list(ObjectNode a, ObjectNode b, String key, Kind added, Kind removed, Kind changed,
            List<Line> lines) {
        Map<String, JsonNode> before = byId(a.path(key));
        Map<String, JsonNode> after = byId(b.path(key));
        after.forEach((id, node) -> {
            JsonNode old = before.get(id);
            if (old == null) {
                lines.add(new Line(added, id, null, node.toString()));
            } else {
                keys(id + ".", old, node, changed, lines);
            }
        });
        before.forEach((id, node) -> {
            if (!after.containsKey(id)) {
                lines.add(new Line(removed, id, node.toString(), null));
            }
        });
    }

    private static void keys(String prefix, JsonNode a, JsonNode b, Kind kind, List<Line> lines) {
        Set<String> names = new LinkedHashSet<>();
        a.propertyNames().forEach(names::add);
        b.propertyNames().forEach(names::add);
        for (String name : names) {
            JsonNode before = a.get(name);
            JsonNode after = b.get(name);
            if (!Objects.equals(before, after)) {
                lines.add(new Line(kind, prefix + name, before == null ? null : before.toString(),
                        after == null ? null : after.toString()));
            }
        }
    }

    private static Map<String, JsonNode> byId(JsonNode list) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        list.forEach(n -> byId.putIfAbsent(n.path("id").asString(""), n));
        return byId;
    }

    private static ObjectNode object(String json) {
        try {
            return JSON.readTree(json) instanceof ObjectNode o ? o : JSON.createObjectNode();
        } catch (JacksonException e) {
            return JSON.createObjectNode();
        }
    }
}
