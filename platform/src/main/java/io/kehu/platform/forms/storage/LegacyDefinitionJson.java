package io.kehu.platform.forms.storage;

import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The upgrade step from storage format 1 (the model records as Jackson serialised them, up to the introduction of
 * {@link DefinitionJson#FORMAT} 2) to the documented definition format. It works on JSON trees by the key names that
 * format 1 used, so it keeps working whatever the Java model is renamed to later. Keys it does not know are ignored.
 */
public final class LegacyDefinitionJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Field keys whose name changed; every other field key of format 1 has its documented name. */
    private static final Map<String, String> RENAMED_FIELD_KEYS = Map.of("defaultValue", "default");
    private static final String[] FIELD_KEYS = {"id", "label", "help", "required", "defaultValue", "min", "max",
        "maxLength", "pattern", "scale", "currency", "options", "unique", "indexed", "readOnly", "showInList",
        "searchable", "visibleWhen", "requiredWhen", "form", "expression"};

    private LegacyDefinitionJson() {
    }

    static ObjectNode upgradeForm(JsonNode v1) {
        ObjectNode form = NODES.objectNode();
        copy(v1, "id", form, "id");
        copy(v1, "label", form, "label");
        copy(v1, "icon", form, "icon");
        if (present(v1, "navigationGroup") || present(v1, "navigationOrder")) {
            ObjectNode navigation = form.putObject("navigation");
            copy(v1, "navigationGroup", navigation, "group");
            copy(v1, "navigationOrder", navigation, "order");
        }
        copy(v1, "titleField", form, "titleField");
        copy(v1, "ownerField", form, "ownerField");
        ArrayNode fields = form.putArray("fields");
        v1.path("fields").forEach(f -> fields.add(upgradeField(f)));
        ArrayNode layout = form.putArray("layout");
        for (JsonNode s : v1.path("layout")) {
            ObjectNode section = layout.addObject();
            copy(s, "title", section, "section");
            copy(s, "tab", section, "tab");
            copy(s, "columns", section, "columns");
            copy(s, "fields", section, "fields");
        }
        ArrayNode rules = form.putArray("rules");
        for (JsonNode r : v1.path("rules")) {
            ObjectNode rule = rules.addObject();
            copy(r, "on", rule, "on");
            copy(r, "script", rule, "script");
            copy(r, "message", rule, "message");
        }
        copy(v1, "access", form, "permissions");
        return form;
    }

    static ObjectNode upgradeField(JsonNode v1) {
        ObjectNode field = NODES.objectNode();
        for (String key : FIELD_KEYS) {
            copy(v1, key, field, RENAMED_FIELD_KEYS.getOrDefault(key, key));
        }
        // Format 1 wrote enum constants (TEXT); the documented format writes their JSON names (text).
        field.put("type", v1.path("type").asString().toLowerCase(Locale.ROOT));
        if (present(v1, "resultType")) {
            field.put("resultType", v1.path("resultType").asString().toLowerCase(Locale.ROOT));
        }
        copy(v1, "access", field, "permissions");
        return field;
    }

    private static boolean present(JsonNode node, String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    private static void copy(JsonNode from, String key, ObjectNode to, String as) {
        if (present(from, key)) {
            to.set(as, from.get(key));
        }
    }
}
