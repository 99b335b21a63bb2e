package io.kehu.platform.designer.condition;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import io.kehu.platform.designer.condition.ConditionPart.Comparison;
import io.kehu.platform.designer.condition.ConditionPart.Group;
import io.kehu.platform.forms.FormDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Edits a condition as rows (field by label, operator, value) joined by 且 or 或, with groups one level deep, and hands
 * the Groovy rule it stands for to {@code changed} after every edit ({@link ConditionWriter}). Rows are kept as the
 * administrator left them, complete or not; only complete rows become part of the rule.
 */
public final class ConditionBuilder extends VerticalLayout {

    private final String id;
    private final Supplier<FormDefinition> form;
    private final Consumer<String> changed;
    private final String emptyScript;
    private EditableGroup top = new EditableGroup(false);

    /** {@code emptyScript} is the rule written when no row is complete ("" for no condition, "true" for form rules). */
    public ConditionBuilder(String id, Supplier<FormDefinition> form, String emptyScript, Consumer<String> changed) {
        this.id = id;
        this.form = form;
        this.emptyScript = emptyScript;
        this.changed = changed;
        setId(id);
        setPadding(false);
        setSpacing(false);
        getStyle().set("gap", "var(--lumo-space-xs)");
    }

    /** Shows {@code condition} without reporting a change. */
    public void show(Group condition) {
        top = EditableGroup.of(condition);
        render();
    }

    /** The rows as they stand. */
    public Group condition() {
        return top.toGroup();
    }

    /** The rule the rows stand for. */
    public String script() {
        String script = ConditionWriter.write(condition(), form.get());
        return script.isEmpty() ? emptyScript : script;
    }

    private void edited() {
        changed.accept(script());
    }

    private void structureEdited() {
        render();
        edited();
    }

    private void render() {
        removeAll();
        add(joiner(id + "-joiner", top));
        for (int i = 0; i < top.parts.size(); i++) {
            Object part = top.parts.get(i);
            int index = i;
            if (part instanceof EditableGroup group) {
                add(nested(group, index));
            } else {
                add(new ConditionRow(id + "-row-" + i, (EditableRow) part, form.get(), this::edited,
                        this::structureEdited, () -> {
                            top.parts.remove(index);
                            structureEdited();
                        }));
            }
        }
        Button addRow = small(getTranslation("designer.cond.addRow"), id + "-add", () -> {
            top.parts.add(new EditableRow());
            structureEdited();
        });
        Button addGroup = small(getTranslation("designer.cond.addGroup"), id + "-add-group", () -> {
            EditableGroup group = new EditableGroup(!top.any);
            group.parts.add(new EditableRow());
            top.parts.add(group);
            structureEdited();
        });
        HorizontalLayout buttons = new HorizontalLayout(addRow, addGroup);
        buttons.setSpacing(false);
        buttons.getStyle().set("gap", "var(--lumo-space-s)").set("flex-wrap", "wrap");
        add(buttons);
    }

    private Component nested(EditableGroup group, int index) {
        String groupId = id + "-group-" + index;
        VerticalLayout box = new VerticalLayout();
        box.setId(groupId);
        box.setPadding(false);
        box.setSpacing(false);
        box.getStyle().set("border-left", "3px solid var(--lumo-primary-color-50pct)")
                .set("padding-left", "var(--lumo-space-s)").set("gap", "var(--lumo-space-xs)");
        Button removeGroup = small(getTranslation("designer.cond.removeGroup"), groupId + "-remove", () -> {
            top.parts.remove(index);
            structureEdited();
        });
        removeGroup.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout head = new HorizontalLayout(joiner(groupId + "-joiner", group), removeGroup);
        head.setAlignItems(Alignment.BASELINE);
        box.add(head);
        for (int i = 0; i < group.parts.size(); i++) {
            int rowIndex = i;
            box.add(new ConditionRow(groupId + "-row-" + i, (EditableRow) group.parts.get(i), form.get(),
                    this::edited, this::structureEdited, () -> {
                        group.parts.remove(rowIndex);
                        if (group.parts.isEmpty()) {
                            top.parts.remove(group);
                        }
                        structureEdited();
                    }));
        }
        box.add(small(getTranslation("designer.cond.addRow"), groupId + "-add", () -> {
            group.parts.add(new EditableRow());
            structureEdited();
        }));
        return box;
    }

    private Select<Boolean> joiner(String joinerId, EditableGroup group) {
        Select<Boolean> joiner = new Select<>();
        joiner.setId(joinerId);
        joiner.setItems(false, true);
        joiner.setItemLabelGenerator(any -> getTranslation(any ? "designer.cond.any" : "designer.cond.all"));
        joiner.setValue(group.any);
        joiner.addValueChangeListener(e -> {
            group.any = Boolean.TRUE.equals(e.getValue());
            edited();
        });
        joiner.addThemeVariants(com.vaadin.flow.component.select.SelectVariant.LUMO_SMALL);
        joiner.setMinWidth("10em");
        return joiner;
    }

    private static Button small(String text, String buttonId, Runnable action) {
        Button button = new Button(text, VaadinIcon.PLUS.create(), click -> action.run());
        button.setId(buttonId);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    /** A row being edited: any of its parts may still be missing. */
    static final class EditableRow {
        String field;
        Operator operator;
        List<String> values = new ArrayList<>();

        Comparison toComparison() {
            return new Comparison(field, operator, values);
        }
    }

    /** A group being edited: rows, and at the top level also groups. */
    static final class EditableGroup {
        boolean any;
        final List<Object> parts = new ArrayList<>();

        EditableGroup(boolean any) {
            this.any = any;
        }

        static EditableGroup of(Group group) {
            EditableGroup editable = new EditableGroup(group.any());
            for (ConditionPart part : group.parts()) {
                switch (part) {
                    case Comparison c -> {
                        EditableRow row = new EditableRow();
                        row.field = c.field();
                        row.operator = c.operator();
                        row.values = new ArrayList<>(c.values());
                        editable.parts.add(row);
                    }
                    case Group g -> editable.parts.add(of(g));
                }
            }
            return editable;
        }

        Group toGroup() {
            List<ConditionPart> out = new ArrayList<>();
            for (Object part : parts) {
                out.add(part instanceof EditableGroup g ? g.toGroup() : ((EditableRow) part).toComparison());
            }
            return new Group(any, out);
        }
    }
}
