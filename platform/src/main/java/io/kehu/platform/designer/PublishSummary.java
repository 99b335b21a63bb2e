package io.kehu.platform.designer;

import io.kehu.platform.designer.DefinitionDiff.Line;
import io.kehu.platform.forms.DefinitionWriter;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.SchemaChange;
import io.kehu.platform.forms.SchemaStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a publish changes, in the administrator's words: 新增字段：微信号, 修改字段：备注（最大长度 100 → 200）,
 * 删除字段：…（数据保留）. Built from the difference between the published version and the one being published,
 * by field label; tables, columns and SQL types stay in the dialog's technical details.
 */
final class PublishSummary {

    /** Keys of the definition format with a name of their own in {@code designer.key.*}. */
    private static final Set<String> NAMED_KEYS = Set.of("label", "help", "type", "required", "default", "min", "max",
            "maxLength", "pattern", "scale", "currency", "options", "unique", "indexed", "readOnly", "showInList",
            "searchable", "visibleWhen", "requiredWhen", "form", "expression", "resultType", "access", "layout",
            "rules", "titleField", "ownerField", "icon", "navigation");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PublishSummary() {
    }

    /** {@code t} translates a message key with arguments in the administrator's language. */
    static List<String> lines(Optional<FormDefinition> published, FormDefinition next, SchemaChange change,
                              DefinitionWriter writer, Locale locale, BiFunction<String, Object[], String> t) {
        List<String> out = new ArrayList<>();
        if (published.isEmpty()) {
            out.add(t.apply("designer.summary.newForm", new Object[] {next.label().isEmpty() ? next.id()
                    : next.label().in(locale)}));
            next.fields().forEach(f -> out.add(t.apply("designer.summary.added", new Object[] {label(f, locale)})));
            return out;
        }
        FormDefinition old = published.get();
        Set<String> restored = new LinkedHashSet<>();
        change.steps().forEach(s -> {
            if (s instanceof SchemaStep.RestoreField r) {
                restored.add(r.fieldId());
            }
        });
        Map<String, List<String>> changedKeys = new LinkedHashMap<>();
        Set<String> formKeys = new LinkedHashSet<>();
        for (Line line : DefinitionDiff.between(old, next, writer)) {
            switch (line.kind()) {
                case FIELD_ADDED -> out.add(t.apply(restored.contains(line.subject()) ? "designer.summary.restored"
                        : "designer.summary.added", new Object[] {label(next, line.subject(), locale)}));
                case FIELD_REMOVED -> out.add(t.apply("designer.summary.removed",
                        new Object[] {label(old, line.subject(), locale)}));
                case FIELD_CHANGED -> {
                    int dot = line.subject().indexOf('.');
                    String field = line.subject().substring(0, dot);
                    String key = line.subject().substring(dot + 1);
                    changedKeys.computeIfAbsent(field, k -> new ArrayList<>()).add(describe(key, line, t));
                }
                case FORM_CHANGED -> {
                    if (!line.subject().equals("layout") || !onlyAddedOrRemoved(old, next)) {
                        formKeys.add(keyName(line.subject().startsWith("fields") ? "layout" : line.subject(), t));
                    }
                }
            }
        }
        changedKeys.forEach((field, keys) -> out.add(t.apply("designer.summary.changed",
                new Object[] {label(next, field, locale), String.join(t.apply("designer.summary.sep", new Object[0]), keys)})));
        if (!formKeys.isEmpty()) {
            out.add(t.apply("designer.summary.formChanged", new Object[] {String.join(t.apply("designer.summary.sep", new Object[0]), formKeys)}));
        }
        return out;
    }

    /** Whether the layouts differ only by the fields added or removed (already said as 新增/删除字段). */
    private static boolean onlyAddedOrRemoved(FormDefinition old, FormDefinition next) {
        Set<String> both = new LinkedHashSet<>();
        old.fields().forEach(f -> {
            if (next.field(f.id()).isPresent()) {
                both.add(f.id());
            }
        });
        return kept(old, both).equals(kept(next, both));
    }

    private static List<io.kehu.platform.forms.LayoutSection> kept(FormDefinition form, Set<String> ids) {
        return form.layout().stream().map(s -> DesignerEdits.withFields(s,
                s.fields().stream().filter(ids::contains).toList())).toList();
    }

    /** "最大长度 100 → 200" for plain values; only the key's name when the value is a list or an object. */
    private static String describe(String key, Line line, BiFunction<String, Object[], String> t) {
        String name = keyName(key, t);
        String before = plain(line.before(), t);
        String after = plain(line.after(), t);
        return before == null || after == null ? name : name + " " + before + " → " + after;
    }

    private static String plain(String json, BiFunction<String, Object[], String> t) {
        if (json == null) {
            return t.apply("designer.summary.none", new Object[0]);
        }
        JsonNode node = JSON.readTree(json);
        if (node.isBoolean()) {
            return t.apply(node.asBoolean() ? "designer.cond.yes" : "designer.cond.no", new Object[0]);
        }
        return node.isValueNode() ? node.asString() : null;
    }

    private static String keyName(String key, BiFunction<String, Object[], String> t) {
        return t.apply(NAMED_KEYS.contains(key) ? "designer.key." + key : "designer.key.other", new Object[0]);
    }

    private static String label(FormDefinition form, String fieldId, Locale locale) {
        return form.field(fieldId).map(f -> label(f, locale)).orElse(fieldId);
    }

    private static String label(FieldDefinition f, Locale locale) {
        return f.label().isEmpty() ? f.id() : f.label().in(locale);
    }
}
