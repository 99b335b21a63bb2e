package io.kehu.platform.forms.reading;

import io.kehu.platform.forms.AccessRule;
import io.kehu.platform.forms.DefinitionProblem;
import io.kehu.platform.forms.DefinitionWriter;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldOption;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormRule;
import io.kehu.platform.forms.LayoutSection;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.forms.OwnerDefault;
import io.kehu.platform.forms.storage.DefinitionJson;

import io.kehu.platform.security.Role;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Turns the JSON tree of a definition that already conforms to the schema into the model. It does no judging beyond
 * what only the JSON shows: field permissions may be written on the field or under {@code permissions.fields}, and
 * once merged the model no longer knows which, so the two spellings are reconciled here.
 */
public final class DefinitionParser {

    private final String source;
    private final List<DefinitionProblem> problems = new ArrayList<>();

    private DefinitionParser(String source) {
        this.source = source;
    }

    /** The form and the problems found while building it. */
    public record Parsed(FormDefinition form, List<DefinitionProblem> problems) {
    }

    public static Parsed parse(String source, JsonNode root) {
        DefinitionParser parser = new DefinitionParser(source);
        FormDefinition form = parser.form(root);
        return new Parsed(form, List.copyOf(parser.problems));
    }

    /**
     * A definition the platform stored itself ({@link DefinitionJson}): it was checked when it was saved or published,
     * and is not judged again, so that a check added later cannot make an existing database unreadable.
     */
    public static FormDefinition stored(JsonNode root) {
        Parsed parsed = parse("stored definition", root);
        if (!parsed.problems().isEmpty()) {
            throw new IllegalStateException("Stored definition of form '" + parsed.form().id() + "' is inconsistent: "
                    + parsed.problems());
        }
        return parsed.form();
    }

    /** One field as {@link DefinitionWriter} writes it, with its permissions on the field. */
    public static FieldDefinition storedField(JsonNode node) {
        JsonNode own = node.path("permissions");
        return new DefinitionParser("stored field").field(node, own.isMissingNode() ? null : access(own));
    }

    private FormDefinition form(JsonNode root) {
        JsonNode navigation = root.path("navigation");
        JsonNode permissions = root.path("permissions");
        Map<String, JsonNode> formLevelFieldAccess = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : permissions.path("fields").properties()) {
            formLevelFieldAccess.put(e.getKey(), e.getValue());
        }
        List<FieldDefinition> fields = new ArrayList<>();
        JsonNode fieldNodes = root.path("fields");
        Set<String> fieldIds = new HashSet<>();
        for (int i = 0; i < fieldNodes.size(); i++) {
            JsonNode fieldNode = fieldNodes.get(i);
            String id = fieldNode.path("id").asString();
            AccessRule access = fieldAccess(i, fieldNode, formLevelFieldAccess.get(id));
            fields.add(field(fieldNode, access));
            fieldIds.add(id);
        }
        for (String id : formLevelFieldAccess.keySet().stream().sorted().toList()) {
            if (!fieldIds.contains(id)) {
                problem(JsonPaths.key(JsonPaths.key(JsonPaths.key(JsonPaths.ROOT, "permissions"), "fields"), id),
                        "permissions name unknown field '" + id + "'");
            }
        }
        return new FormDefinition(
                root.path("id").asString(),
                text(root.path("label")),
                string(root.path("icon")),
                string(navigation.path("group")),
                navigation.path("order").asInt(0),
                string(root.path("titleField")),
                string(root.path("ownerField")),
                fields,
                layout(root.path("layout")),
                rules(root.path("rules")),
                access(permissions),
                ownerDefault(root.path("ownerDefault")),
                root.path("importable").asBoolean(true));
    }

    private OwnerDefault ownerDefault(JsonNode node) {
        if (node.isMissingNode()) {
            return OwnerDefault.CREATOR;
        }
        return OwnerDefault.fromJson(node.isString() ? node.asString() : node.toString()).orElseGet(() -> {
            problem(JsonPaths.key(JsonPaths.ROOT, "ownerDefault"), "ownerDefault must be \"creator\" (the user "
                    + "creating the record) or \"none\", not " + node);
            return OwnerDefault.CREATOR;
        });
    }

    private AccessRule fieldAccess(int index, JsonNode fieldNode, JsonNode formLevel) {
        JsonNode own = fieldNode.path("permissions");
        if (formLevel == null) {
            return own.isMissingNode() ? null : access(own);
        }
        if (!own.isMissingNode()) {
            String id = fieldNode.path("id").asString();
            problem(JsonPaths.key(JsonPaths.key(JsonPaths.key(JsonPaths.ROOT, "permissions"), "fields"), id),
                    "field '" + id + "' already has permissions at " + JsonPaths.field(index, "permissions")
                            + "; write them in one place");
        }
        return access(formLevel);
    }

    private FieldDefinition field(JsonNode f, AccessRule access) {
        FieldType type = fieldType(f.path("type"));
        FieldType resultType = fieldType(f.path("resultType"));
        FieldType storedType = type == FieldType.COMPUTED && resultType != null ? resultType : type;
        return FieldDefinition.builder(f.path("id").asString(), type)
                .label(text(f.path("label")))
                .help(text(f.path("help")))
                .required(f.path("required").asBoolean(false))
                .defaultValue(defaultValue(f.path("default"), storedType))
                .min(number(f.path("min")))
                .max(number(f.path("max")))
                .maxLength(integer(f.path("maxLength")))
                .pattern(string(f.path("pattern")))
                .scale(integer(f.path("scale")))
                .currency(string(f.path("currency")))
                .options(options(f.path("options")))
                .unique(f.path("unique").asBoolean(false))
                .indexed(f.path("indexed").asBoolean(false))
                .readOnly(f.path("readOnly").asBoolean(false))
                .showInList(f.path("showInList").asBoolean(false))
                .searchable(f.path("searchable").asBoolean(false))
                .visibleWhen(string(f.path("visibleWhen")))
                .requiredWhen(string(f.path("requiredWhen")))
                .form(string(f.path("form")))
                .expression(string(f.path("expression")))
                .resultType(resultType)
                .access(access)
                .build();
    }

    private static FieldType fieldType(JsonNode node) {
        return node.isMissingNode() ? null : FieldType.fromJson(node.asString()).orElse(null);
    }

    /**
     * The default as the model holds it: whole numbers of integer and rating fields as {@link Long}, other numbers as
     * {@link BigDecimal}, strings, booleans, and lists of strings for multiselect. Whether it fits the field is judged
     * by {@link DefinitionChecks}.
     */
    private static Object defaultValue(JsonNode node, FieldType storedType) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            List<String> values = new ArrayList<>();
            node.forEach(v -> values.add(v.asString()));
            return List.copyOf(values);
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            boolean whole = storedType == FieldType.INTEGER || storedType == FieldType.RATING;
            if (whole && node.isIntegralNumber() && node.canConvertToLong()) {
                return node.longValue();
            }
            return normalize(node.decimalValue());
        }
        return node.asString();
    }

    private static List<FieldOption> options(JsonNode node) {
        List<FieldOption> options = new ArrayList<>();
        for (JsonNode o : node) {
            options.add(o.isObject()
                    ? new FieldOption(o.path("value").asString(), text(o.path("label")))
                    : new FieldOption(o.asString(), LocalizedText.EMPTY));
        }
        return options;
    }

    private static List<LayoutSection> layout(JsonNode node) {
        List<LayoutSection> sections = new ArrayList<>();
        for (JsonNode s : node) {
            List<String> fields = new ArrayList<>();
            s.path("fields").forEach(f -> fields.add(f.asString()));
            JsonNode tab = s.path("tab");
            sections.add(new LayoutSection(text(s.path("section")), tab.isMissingNode() ? null : text(tab),
                    s.path("columns").asInt(1), fields));
        }
        return sections;
    }

    private static List<FormRule> rules(JsonNode node) {
        List<FormRule> rules = new ArrayList<>();
        for (JsonNode r : node) {
            rules.add(new FormRule(r.path("on").asString(), r.path("script").asString(), text(r.path("message"))));
        }
        return rules;
    }

    private static AccessRule access(JsonNode node) {
        if (node.isMissingNode()) {
            return null;
        }
        return new AccessRule(roles(node.path("read")), roles(node.path("write")));
    }

    private static Set<Role> roles(JsonNode node) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        node.forEach(r -> roles.add(Role.valueOf(r.asString().toUpperCase(Locale.ROOT))));
        return roles;
    }

    private static LocalizedText text(JsonNode node) {
        if (node.isMissingNode()) {
            return null;
        }
        return new LocalizedText(string(node.path("zh")), string(node.path("en")));
    }

    private static String string(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    private static Integer integer(JsonNode node) {
        return node.isMissingNode() ? null : node.intValue();
    }

    private static BigDecimal number(JsonNode node) {
        return node.isMissingNode() ? null : normalize(node.decimalValue());
    }

    /** {@code 1E+3} and {@code 1000} are the same bound; keep the plain form so a written definition reads back equal. */
    private static BigDecimal normalize(BigDecimal value) {
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    private void problem(String path, String message) {
        problems.add(new DefinitionProblem(source, path, message));
    }
}
