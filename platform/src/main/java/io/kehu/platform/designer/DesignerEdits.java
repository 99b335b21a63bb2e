package io.kehu.platform.designer;

import io.kehu.platform.forms.AccessRule;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldOption;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormRule;
import io.kehu.platform.forms.LayoutSection;
import io.kehu.platform.forms.LocalizedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The designer's edits as functions from one immutable definition to the next, so that undo is just keeping the old
 * one. Fields and their places in the layout move together: a field renamed in the property panel is renamed in its
 * section, title field and owner field too; a removed field leaves the layout.
 */
final class DesignerEdits {

    private DesignerEdits() {
    }

    /** A new, empty form: the admin fills in labels and fields. */
    static FormDefinition blank(String formId) {
        return new FormDefinition(formId, null, null, null, 0, null, null, List.of(),
                List.of(new LayoutSection(LocalizedText.of("基本信息", "Basics"), null, 2, List.of())), List.of(),
                AccessRule.UNRESTRICTED);
    }

    /**
     * The sections the canvas shows: the definition's own layout, or, when it has none, the single section of all
     * fields the record view shows in that case.
     */
    static List<LayoutSection> sections(FormDefinition form) {
        return form.layout().isEmpty()
                ? List.of(new LayoutSection(null, null, 2, form.fields().stream().map(FieldDefinition::id).toList()))
                : form.layout();
    }

    /** A field of {@code type} with a free id and a label, for the palette. */
    static FieldDefinition newField(FormDefinition form, FieldType type) {
        String stem = type.jsonName();
        int n = 1;
        while (form.field(stem + "_" + n).isPresent()) {
            n++;
        }
        FieldDefinition plain = FieldDefinition.of(stem + "_" + n, type);
        List<FieldOption> options = type.hasOptions()
                ? List.of(new FieldOption("option_1", LocalizedText.of("选项 1", "Option 1"))) : List.of();
        String en = type.jsonName().substring(0, 1).toUpperCase(Locale.ROOT) + type.jsonName().substring(1) + " " + n;
        return FieldDefinition.builder(plain.id(), type)
                .label(LocalizedText.of(null, en))
                .options(options)
                .expression(type == FieldType.COMPUTED ? "1" : null)
                .resultType(type == FieldType.COMPUTED ? FieldType.INTEGER : null)
                .build();
    }

    /** Adds {@code field} at the end of the fields and at {@code position} of section {@code section}. */
    static FormDefinition addField(FormDefinition form, FieldDefinition field, int section, int position) {
        List<FieldDefinition> fields = new ArrayList<>(form.fields());
        fields.add(field);
        List<LayoutSection> layout = new ArrayList<>(sections(form));
        LayoutSection target = layout.get(clamp(section, layout.size() - 1));
        List<String> ids = new ArrayList<>(target.fields());
        ids.add(clamp(position, ids.size()), field.id());
        layout.set(layout.indexOf(target), withFields(target, ids));
        return copy(form, fields, layout);
    }

    /**
     * Moves field {@code fieldId} before the field now at {@code position} of section {@code section} (at its end
     * when {@code position} is past the last), from wherever it was, or puts it into the layout if it was in none.
     */
    static FormDefinition moveField(FormDefinition form, String fieldId, int section, int position) {
        List<LayoutSection> layout = new ArrayList<>(sections(form));
        int targetIndex = clamp(section, layout.size() - 1);
        for (int i = 0; i < layout.size(); i++) {
            LayoutSection s = layout.get(i);
            int at = s.fields().indexOf(fieldId);
            if (at >= 0) {
                if (i == targetIndex && at < position) {
                    position--;
                }
                List<String> ids = new ArrayList<>(s.fields());
                ids.remove(fieldId);
                layout.set(i, withFields(s, ids));
            }
        }
        LayoutSection target = layout.get(targetIndex);
        List<String> ids = new ArrayList<>(target.fields());
        ids.add(clamp(position, ids.size()), fieldId);
        layout.set(targetIndex, withFields(target, ids));
        return copy(form, form.fields(), layout);
    }

    /** Removes a field from the form and the layout; title and owner field forget it. */
    static FormDefinition removeField(FormDefinition form, int index) {
        String id = form.fields().get(index).id();
        List<FieldDefinition> fields = new ArrayList<>(form.fields());
        fields.remove(index);
        boolean stillThere = fields.stream().anyMatch(f -> Objects.equals(f.id(), id));
        List<LayoutSection> layout = form.layout().stream()
                .map(s -> stillThere ? s : withFields(s, s.fields().stream().filter(f -> !f.equals(id)).toList()))
                .toList();
        FormDefinition changed = copy(form, fields, layout);
        return stillThere ? changed : withTitleAndOwner(changed,
                Objects.equals(form.titleField(), id) ? null : form.titleField(),
                Objects.equals(form.ownerField(), id) ? null : form.ownerField());
    }

    /**
     * Puts {@code field} in place of the field at {@code index}; a new id is carried into the layout, title field and
     * owner field. While two fields share an id (a typo being fixed), the k-th of them owns the k-th place of that id
     * in the layout, and only that place is renamed.
     */
    static FormDefinition replaceField(FormDefinition form, int index, FieldDefinition field) {
        String oldId = form.fields().get(index).id();
        List<FieldDefinition> fields = new ArrayList<>(form.fields());
        fields.set(index, field);
        String newId = field.id();
        if (Objects.equals(oldId, newId)) {
            return copy(form, fields, form.layout());
        }
        long before = form.fields().subList(0, index).stream().filter(f -> Objects.equals(f.id(), oldId)).count();
        boolean shared = form.fields().stream().filter(f -> Objects.equals(f.id(), oldId)).count() > 1;
        List<LayoutSection> layout = new ArrayList<>();
        long seen = 0;
        for (LayoutSection s : form.layout()) {
            List<String> ids = new ArrayList<>(s.fields());
            for (int i = 0; i < ids.size(); i++) {
                if (ids.get(i).equals(oldId)) {
                    if (!shared || seen == before) {
                        ids.set(i, newId);
                    }
                    seen++;
                }
            }
            layout.add(withFields(s, ids));
        }
        FormDefinition changed = copy(form, fields, layout);
        if (shared) {
            return changed;
        }
        return withTitleAndOwner(changed, Objects.equals(form.titleField(), oldId) ? newId : form.titleField(),
                Objects.equals(form.ownerField(), oldId) ? newId : form.ownerField());
    }

    static FormDefinition addSection(FormDefinition form, LayoutSection section) {
        List<LayoutSection> layout = new ArrayList<>(sections(form));
        layout.add(section);
        return copy(form, form.fields(), layout);
    }

    static FormDefinition replaceSection(FormDefinition form, int index, LayoutSection section) {
        List<LayoutSection> layout = new ArrayList<>(sections(form));
        layout.set(index, section);
        return copy(form, form.fields(), layout);
    }

    /** Removes a section; its fields move to the section before it (or after it, for the first). */
    static FormDefinition removeSection(FormDefinition form, int index) {
        List<LayoutSection> layout = new ArrayList<>(sections(form));
        if (layout.size() < 2) {
            return form;
        }
        LayoutSection removed = layout.remove(index);
        int heir = Math.max(0, index - 1);
        List<String> ids = new ArrayList<>(layout.get(heir).fields());
        ids.addAll(removed.fields());
        layout.set(heir, withFields(layout.get(heir), ids));
        return copy(form, form.fields(), layout);
    }

    /** Swaps section {@code index} with its neighbour {@code delta} (-1 up, +1 down) when there is one. */
    static FormDefinition moveSection(FormDefinition form, int index, int delta) {
        List<LayoutSection> layout = new ArrayList<>(sections(form));
        int other = index + delta;
        if (other < 0 || other >= layout.size()) {
            return form;
        }
        LayoutSection s = layout.get(index);
        layout.set(index, layout.get(other));
        layout.set(other, s);
        return copy(form, form.fields(), layout);
    }

    static FormDefinition withRules(FormDefinition form, List<FormRule> rules) {
        return new FormDefinition(form.id(), form.label(), form.icon(), form.navigationGroup(),
                form.navigationOrder(), form.titleField(), form.ownerField(), form.fields(), form.layout(), rules,
                form.access(), form.ownerDefault(), form.importable());
    }

    static FormDefinition withSettings(FormDefinition form, LocalizedText label, String icon, String group,
                                       int order, String titleField, String ownerField, AccessRule access) {
        return new FormDefinition(form.id(), label, icon, group, order, titleField, ownerField, form.fields(),
                form.layout(), form.rules(), access, form.ownerDefault(), form.importable());
    }

    static LayoutSection withFields(LayoutSection s, List<String> ids) {
        return new LayoutSection(s.title(), s.tab(), s.columns(), ids);
    }

    private static FormDefinition withTitleAndOwner(FormDefinition form, String titleField, String ownerField) {
        return new FormDefinition(form.id(), form.label(), form.icon(), form.navigationGroup(),
                form.navigationOrder(), titleField, ownerField, form.fields(), form.layout(), form.rules(),
                form.access(), form.ownerDefault(), form.importable());
    }

    private static FormDefinition copy(FormDefinition form, List<FieldDefinition> fields, List<LayoutSection> layout) {
        return new FormDefinition(form.id(), form.label(), form.icon(), form.navigationGroup(),
                form.navigationOrder(), form.titleField(), form.ownerField(), fields, layout, form.rules(),
                form.access(), form.ownerDefault(), form.importable());
    }

    private static int clamp(int value, int max) {
        return Math.max(0, Math.min(value, max));
    }

    /**
     * Labels used by more than one field (Chinese and English separately, ignoring case and surrounding spaces), with
     * how many fields use each: users could not tell those fields apart. A warning, not a problem: it can be published.
     */
    static java.util.Map<String, Integer> duplicateLabels(FormDefinition form) {
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> shown = new java.util.HashMap<>();
        for (FieldDefinition f : form.fields()) {
            java.util.Set<String> own = new java.util.HashSet<>(); // a field labelled "VIP" in both languages is one
            for (String label : new String[] {f.label().zh(), f.label().en()}) {
                if (label != null && !label.isBlank() && own.add(label.strip().toLowerCase(Locale.ROOT))) {
                    String key = label.strip().toLowerCase(Locale.ROOT);
                    shown.putIfAbsent(key, label.strip());
                    counts.merge(key, 1, Integer::sum);
                }
            }
        }
        java.util.Map<String, Integer> duplicates = new java.util.LinkedHashMap<>();
        counts.forEach((key, n) -> {
            if (n > 1) {
                duplicates.put(shown.get(key), n);
            }
        });
        return duplicates;
    }
}
