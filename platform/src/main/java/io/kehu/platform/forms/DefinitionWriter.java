package io.kehu.platform.forms;

import io.kehu.platform.security.Role;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a form definition back to its JSON format: the export that puts a definition edited in the browser into git,
 * or moves it to another installation. What it writes reads back to an equal definition. Keys appear in the order of
 * {@code docs/form-definitions.md}; keys at their default (false flags, empty permissions) are left out, and field
 * permissions are written on the field.
 */
@Component
public class DefinitionWriter {

    /** The {@code $schema} written into every definition, relative to a file in {@code form-definitions/}. */
    public static final String SCHEMA_REFERENCE = "./schema/form-definition.schema.json";

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final JsonMapper mapper = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .defaultPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectNameValueSpacing(Separators.Spacing.AFTER)))
            .build();

    /** The definition as pretty-printed JSON, ending with a line break. */
    public String write(FormDefinition form) {
        return mapper.writeValueAsString(toJson(form)) + "\n";
    }

    /** The definition as a JSON tree. */
    public ObjectNode toJson(FormDefinition form) {
        ObjectNode root = nodes.objectNode();
        root.put("$schema", SCHEMA_REFERENCE);
        root.put("id", form.id());
        putText(root, "label", form.label());
        putIfPresent(root, "icon", form.icon());
        if (form.navigationGroup() != null || form.navigationOrder() != 0) {
            ObjectNode navigation = root.putObject("navigation");
            putIfPresent(navigation, "group", form.navigationGroup());
            navigation.put("order", form.navigationOrder());
        }
        putIfPresent(root, "titleField", form.titleField());
        putIfPresent(root, "ownerField", form.ownerField());
        if (form.ownerDefault() != OwnerDefault.CREATOR) { // the default stays implicit, as in hand-written files
            root.put("ownerDefault", form.ownerDefault().json());
        }
        if (!form.importable()) { // likewise: only the exception is written
            root.put("importable", false);
        }
        ArrayNode fields = root.putArray("fields");
        form.fields().forEach(f -> fields.add(field(f)));
        if (!form.layout().isEmpty()) {
            ArrayNode layout = root.putArray("layout");
            form.layout().forEach(s -> layout.add(section(s)));
        }
        if (!form.rules().isEmpty()) {
            ArrayNode rules = root.putArray("rules");
            for (FormRule rule : form.rules()) {
                ObjectNode r = rules.addObject();
                r.put("on", rule.on());
                r.put("script", rule.script());
                putText(r, "message", rule.message());
            }
        }
        putAccess(root, "permissions", form.access());
        return root;
    }

    /** One field as it appears in {@code fields}, with its permissions on the field. */
    public ObjectNode field(FieldDefinition f) {
        ObjectNode node = nodes.objectNode();
        node.put("id", f.id());
        node.put("type", f.type().jsonName());
        putText(node, "label", f.label());
        putText(node, "help", f.help());
        putFlag(node, "required", f.required());
        putDefault(node, f.defaultValue());
        putIfPresent(node, "min", f.min());
        putIfPresent(node, "max", f.max());
        if (f.maxLength() != null) {
            node.put("maxLength", f.maxLength());
        }
        putIfPresent(node, "pattern", f.pattern());
        if (f.scale() != null) {
            node.put("scale", f.scale());
        }
        putIfPresent(node, "currency", f.currency());
        if (!f.options().isEmpty()) {
            ArrayNode options = node.putArray("options");
            for (FieldOption option : f.options()) {
                if (option.label() == null || option.label().isEmpty()) {
                    options.add(option.value());
                } else {
                    ObjectNode o = options.addObject();
                    o.put("value", option.value());
                    putText(o, "label", option.label());
                }
            }
        }
        putFlag(node, "unique", f.unique());
        putFlag(node, "indexed", f.indexed());
        putFlag(node, "readOnly", f.readOnly());
        putFlag(node, "showInList", f.showInList());
        putFlag(node, "searchable", f.searchable());
        putIfPresent(node, "visibleWhen", f.visibleWhen());
        putIfPresent(node, "requiredWhen", f.requiredWhen());
        putIfPresent(node, "form", f.form());
        putIfPresent(node, "expression", f.expression());
        if (f.resultType() != null) {
            node.put("resultType", f.resultType().jsonName());
        }
        putAccess(node, "permissions", f.access());
        return node;
    }

    private ObjectNode section(LayoutSection section) {
        ObjectNode node = nodes.objectNode();
        putText(node, "section", section.title());
        if (section.tab() != null) {
            putText(node, "tab", section.tab());
        }
        node.put("columns", section.columns());
        ArrayNode fields = node.putArray("fields");
        section.fields().forEach(fields::add);
        return node;
    }

    private void putDefault(ObjectNode node, Object value) {
        switch (value) {
            case null -> { }
            case String s -> node.put("default", s);
            case Boolean b -> node.put("default", b);
            case Long l -> node.put("default", l);
            case Integer i -> node.put("default", i);
            case BigDecimal d -> node.put("default", d);
            case List<?> list -> {
                ArrayNode values = node.putArray("default");
                list.forEach(v -> values.add(String.valueOf(v)));
            }
            default -> node.put("default", value.toString());
        }
    }

    private void putAccess(ObjectNode parent, String key, AccessRule access) {
        if (access == null || (access.read().isEmpty() && access.write().isEmpty())) {
            return;
        }
        ObjectNode node = parent.putObject(key);
        putRoles(node, "read", access.read());
        putRoles(node, "write", access.write());
    }

    private static void putRoles(ObjectNode node, String key, Set<Role> roles) {
        if (roles.isEmpty()) {
            return;
        }
        ArrayNode array = node.putArray(key);
        for (Role role : Role.values()) {
            if (roles.contains(role)) {
                array.add(role.name().toLowerCase(Locale.ROOT));
            }
        }
    }

    private static void putText(ObjectNode parent, String key, LocalizedText text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        ObjectNode node = parent.putObject(key);
        putIfPresent(node, "zh", text.zh());
        putIfPresent(node, "en", text.en());
    }

    private static void putFlag(ObjectNode node, String key, boolean value) {
        if (value) {
            node.put(key, true);
        }
    }

    private static void putIfPresent(ObjectNode node, String key, String value) {
        if (value != null) {
            node.put(key, value);
        }
    }

    private static void putIfPresent(ObjectNode node, String key, BigDecimal value) {
        if (value != null) {
            node.put(key, value);
        }
    }
}
