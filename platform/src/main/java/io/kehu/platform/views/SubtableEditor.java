package io.kehu.platform.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.records.FieldError;
import io.kehu.platform.records.FieldValues;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordRules;
import io.kehu.platform.records.RowChange;
import io.kehu.platform.security.Actor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rows of a subtable (a customer's contact persons) edited inline on the record view: one line of editors per row,
 * "add row" and a remove button per row. Nothing is written here: the record view saves the rows together with the
 * record in one write ({@link #changes()}), and shows each row's errors on that row's fields ({@link #showErrors}).
 * The rows of one record are few (the store returns at most 1000), so they are all shown. On a phone each row's
 * editors stack to one column.
 */
final class SubtableEditor extends VerticalLayout {

    private final FieldDefinition field;
    private final FormDefinition childForm;
    private final Actor actor;
    private final RecordRules rules;
    private final FilterSources sources;
    private final FieldValues conversions;
    private final boolean editable;
    private final List<FieldDefinition> columns;
    private final VerticalLayout lines = new VerticalLayout();
    private final List<Row> rows = new ArrayList<>();
    private final List<Record> removed = new ArrayList<>();
    private int nextIndex;
    /** Hears every row the user adds, changes or removes (the record page keeps its draft). */
    private Runnable edited = () -> { };

    SubtableEditor(FieldDefinition field, FormDefinition childForm, boolean editable, Actor actor, RecordRules rules,
                   FilterSources sources, FieldValues conversions) {
        this.field = field;
        this.childForm = childForm;
        this.actor = actor;
        this.rules = rules;
        this.sources = sources;
        this.conversions = conversions;
        this.editable = editable;
        this.columns = FormAccess.listableFields(childForm, actor);
        setPadding(false);
        setId("subtable-" + field.id());
        lines.setPadding(false);
        add(lines);
        if (editable) {
            Button add = new Button(getTranslation("views.subtable.add"), VaadinIcon.PLUS.create(),
                    click -> {
                        addRow(null);
                        edited.run();
                    });
            add.setId("subtable-" + field.id() + "-add");
            add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            add(add);
        }
    }

    FieldDefinition field() {
        return field;
    }

    /** Shows {@code saved} as the unchanged rows, dropping whatever was added or removed on screen. */
    void load(List<Record> saved) {
        rows.clear();
        removed.clear();
        lines.removeAll();
        nextIndex = 0;
        saved.forEach(this::addRow);
    }

    /** The rows on screen, in order (removed ones excluded). */
    List<Row> rows() {
        return List.copyOf(rows);
    }

    /** What the user did to the rows since they were loaded: added, changed and removed rows. */
    List<RowChange> changes() {
        List<RowChange> changes = new ArrayList<>();
        for (Record gone : removed) {
            changes.add(RowChange.removed(-1, gone.id(), gone.rowVersion()));
        }
        for (Row row : rows) {
            Map<String, Object> changed = row.changes();
            if (row.saved == null) {
                changes.add(RowChange.added(row.index, changed));
            } else if (!changed.isEmpty()) {
                changes.add(RowChange.changed(row.index, row.saved.id(), row.saved.rowVersion(), changed));
            }
        }
        return changes;
    }

    boolean isDirty() {
        return !changes().isEmpty();
    }

    /** Calls {@code listener} after each change the user makes to the rows. */
    void onEdit(Runnable listener) {
        edited = listener;
    }

    /**
     * Puts back what {@link #changes()} returned earlier (a draft) on the rows as loaded now: saved rows by their id
     * (a row removed since is left out), new rows added again.
     */
    void restore(List<RowChange> changes) {
        for (RowChange change : changes) {
            if (change.id() == null) {
                addRow(null);
                rows.get(rows.size() - 1).put(change.values());
                continue;
            }
            rows.stream().filter(r -> r.saved != null && r.saved.id() == change.id()).findFirst().ifPresent(row -> {
                if (change.remove()) {
                    row.remove();
                } else {
                    row.put(change.values());
                }
            });
        }
    }

    /** Shows each row's errors on its fields (row index as given to {@link RowChange}); clears the others. */
    void showErrors(Map<Integer, List<FieldError>> errors) {
        for (Row row : rows) {
            row.showErrors(errors.getOrDefault(row.index, List.of()));
        }
    }

    private void addRow(Record saved) {
        Row row = new Row(nextIndex++, saved);
        rows.add(row);
        lines.add(row);
    }

    /** One line: an editor per readable field of the child form, and its remove button. */
    final class Row extends HorizontalLayout {

        private final int index;
        private final Record saved;
        private final Map<String, FieldEditor> editors = new LinkedHashMap<>();
        private final Map<String, Object> baseline = new HashMap<>();
        private final Div rowErrors = new Div();

        Row(int index, Record saved) {
            this.index = index;
            this.saved = saved;
            String prefix = "subtable-" + field.id() + "-" + index;
            setId(prefix);
            setWidthFull();
            setAlignItems(FlexComponent.Alignment.BASELINE);
            FormLayout cells = new FormLayout();
            int perLine = Math.max(1, Math.min(6, columns.size()));
            cells.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("32em", Math.min(2, perLine)),
                    new ResponsiveStep("56em", perLine));
            for (FieldDefinition f : columns) {
                FieldEditor editor = FieldEditors.create(f, sources);
                editor.component().setId(prefix + "-" + f.id());
                editor.setReadOnly(!editable || !FormAccess.mayEdit(childForm, f, actor));
                editors.put(f.id(), editor);
                cells.add(editor.component());
            }
            if (saved != null) {
                saved.values().asMap().forEach((id, value) -> {
                    FieldEditor editor = editors.get(id);
                    if (editor != null) {
                        editor.setValue(value);
                        baseline.put(id, editor.value());
                    }
                });
            } else {
                defaults();
            }
            editors.values().forEach(e -> e.onChange(this::refreshConditions));
            editors.values().forEach(e -> e.onUserChange(() -> edited.run()));
            rowErrors.setId(prefix + "-errors");
            rowErrors.getStyle().set("color", "var(--lumo-error-text-color)");
            VerticalLayout body = new VerticalLayout(cells, rowErrors);
            body.setPadding(false);
            body.setSpacing(false);
            add(body);
            setFlexGrow(1, body);
            if (editable) {
                Button remove = new Button(VaadinIcon.TRASH.create(), click -> {
                    remove();
                    edited.run();
                });
                remove.setId(prefix + "-remove");
                remove.setAriaLabel(getTranslation("views.subtable.remove"));
                remove.setTooltipText(getTranslation("views.subtable.remove"));
                remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                add(remove);
            }
            refreshConditions();
        }

        FieldEditor editor(String fieldId) {
            return editors.get(fieldId);
        }

        private void defaults() {
            for (FieldEditor e : editors.values()) {
                if (e.field().defaultValue() != null) {
                    FieldValues.Converted converted = conversions.convert(e.field(), e.field().defaultValue());
                    if (converted.ok()) {
                        e.setValue(converted.value());
                    }
                }
            }
        }

        /** Sets the fields of {@code values} the user may edit (a draft's values). */
        private void put(Map<String, ?> values) {
            values.forEach((id, value) -> {
                FieldEditor editor = editors.get(id);
                if (editor != null && editable && FormAccess.mayEdit(childForm, editor.field(), actor)) {
                    editor.setValue(value);
                }
            });
            refreshConditions();
        }

        private void remove() {
            rows.remove(this);
            lines.remove(this);
            if (saved != null) {
                removed.add(saved);
            }
        }

        private Map<String, Object> changes() {
            Map<String, Object> changes = new LinkedHashMap<>();
            editors.values().stream().filter(e -> FormAccess.mayEdit(childForm, e.field(), actor)).forEach(e -> {
                Object value = e.value();
                if (saved == null ? value != null : !Objects.equals(value, baseline.get(e.field().id()))) {
                    changes.put(e.field().id(), value);
                }
            });
            return changes;
        }

        private void showErrors(List<FieldError> errors) {
            editors.values().forEach(e -> e.setError(null));
            List<String> general = new ArrayList<>();
            for (FieldError error : errors) {
                FieldEditor editor = error.fieldId() == null ? null : editors.get(error.fieldId());
                String message = error.message().in(getLocale());
                if (editor != null && editor.component().isVisible()) {
                    editor.setError(message);
                } else {
                    general.add(message);
                }
            }
            rowErrors.setText(String.join(" ", general));
        }

        private void refreshConditions() {
            Map<String, Object> values = new HashMap<>();
            editors.forEach((id, e) -> values.put(id, e.value()));
            for (FieldEditor e : editors.values()) {
                e.component().setVisible(rules.isVisible(childForm, e.field(), values, actor));
                e.setRequired(rules.isRequired(childForm, e.field(), values, actor));
            }
        }
    }
}
