package io.kehu.platform.designer.workflow;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.kehu.platform.designer.ScriptField;
import io.kehu.platform.security.Role;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who may act (or gets a task, or is told): roles, the record's owner, the people in user fields of the form; never
 * the people in other user fields or the record's creator; and a condition that must hold. Edits the rule at
 * {@code parent.key}; a rule left empty is removed (everyone who may write the record).
 */
final class ActorsEditor extends VerticalLayout implements WritesBack {

    private final ObjectNode parent;
    private final String key;
    private final MultiSelectComboBox<String> roles;
    private final Checkbox owner;
    private final MultiSelectComboBox<String> userFields;
    private final MultiSelectComboBox<String> notUserFields;
    private final Checkbox notCreator;
    private final ScriptField when;
    private final boolean startedEmpty;

    ActorsEditor(String id, ObjectNode parent, String key, WorkflowEditing editing) {
        this.parent = parent;
        this.key = key;
        setId(id);
        setPadding(false);
        setSpacing(false);
        ObjectNode rule = JsonEdits.objectOrNew(parent, key);
        Map<String, String> roleLabels = new LinkedHashMap<>();
        Arrays.stream(Role.values()).forEach(r -> roleLabels.put(r.name(),
                getTranslation("designer.role." + r.name().toLowerCase(Locale.ROOT))));
        roles = Pickers.many(id + "-roles", getTranslation("wf.actors.roles"), roleLabels,
                JsonEdits.strings(rule.get("roles")));
        owner = new Checkbox(getTranslation("wf.actors.owner"), rule.path("owner").asBoolean(false));
        owner.setId(id + "-owner");
        Map<String, String> people = Pickers.fieldLabels(editing.userFields());
        userFields = Pickers.many(id + "-user-fields", getTranslation("wf.actors.userFields"), people,
                JsonEdits.strings(rule.get("userFields")));
        notUserFields = Pickers.many(id + "-not-user-fields", getTranslation("wf.actors.notUserFields"), people,
                JsonEdits.strings(rule.get("notUserFields")));
        notCreator = new Checkbox(getTranslation("wf.actors.notCreator"), rule.path("notCreator").asBoolean(false));
        notCreator.setId(id + "-not-creator");
        when = editing.conditions().condition(id + "-when", getTranslation("wf.actors.when"), editing::form,
                ignored -> { });
        when.setScript(rule.path("when").asString(""));
        Span anyone = new Span(getTranslation("wf.actors.anyone"));
        anyone.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        startedEmpty = rule.isEmpty();
        add(anyone, roles, owner, userFields, notUserFields, notCreator, when);
    }

    @Override
    public void write() {
        boolean existed = parent.get(key) instanceof ObjectNode;
        ObjectNode rule = JsonEdits.objectOrNew(parent, key);
        JsonEdits.list(rule, "roles", Pickers.chosen(roles));
        JsonEdits.flag(rule, "owner", owner.getValue());
        JsonEdits.list(rule, "userFields", Pickers.chosen(userFields));
        JsonEdits.list(rule, "notUserFields", Pickers.chosen(notUserFields));
        JsonEdits.flag(rule, "notCreator", notCreator.getValue());
        JsonEdits.text(rule, "when", when.value());
        if (!existed && !rule.isEmpty()) {
            parent.set(key, rule);
        } else if (existed && rule.isEmpty() && !startedEmpty) {
            parent.remove(key);
        }
    }
}
