package io.kehu.platform.views;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.shared.Registration;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.LayoutSection;
import io.kehu.platform.forms.LocalizedText;
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
import java.util.Set;
import java.util.function.Function;

/**
 * A record rendered from its form's definition: sections of 1 to 4 columns (one on a phone), tabs, one editor per
 * readable field; fields the user may not read get no component at all. It knows nothing of saving: it fires
 * {@link SaveEvent} and {@link CancelEvent} and the view talks to the record store, as in Vaadin's CRM tutorial.
 * Visibility and required conditions are re-evaluated through {@link RecordRules} whenever a value changes.
 */
final class RecordForm extends VerticalLayout {

    private final FormDefinition form;
    private final Actor actor;
    private final RecordRules rules;
    private final Map<String, FieldEditor> editors = new LinkedHashMap<>();
    private final Map<String, SubtableEditor> subtableEditors = new LinkedHashMap<>();
    private final Map<String, Object> baseline = new HashMap<>();
    /** The record as the server gave it to this user (fields they may read), for conditions on fields not laid out. */
    private final Map<String, Object> readable = new HashMap<>();
    private final TabSheet tabs = new TabSheet();
    private final Div formErrors = new Div();
    private final Button save;
    private int rowVersion;

    RecordForm(FormDefinition form, Actor actor, RecordRules rules, FilterSources sources,
               Function<FieldDefinition, Component> subtables) {
        this.form = form;
        this.actor = actor;
        this.rules = rules;
        setPadding(false);
        formErrors.setId("form-errors");
        formErrors.getStyle().set("color", "var(--lumo-error-text-color)");
        add(formErrors);
        Map<LocalizedText, VerticalLayout> tabContents = new LinkedHashMap<>();
        for (LayoutSection section : sections()) {
            VerticalLayout target = this;
            if (section.tab() != null) {
                target = tabContents.computeIfAbsent(section.tab(), t -> {
                    VerticalLayout content = new VerticalLayout();
                    content.setPadding(false);
                    tabs.add(t.in(sources.locale()), content);
                    return content;
                });
            }
            FormLayout layout = section(section, sources, subtables);
            if (layout.getChildren().findAny().isPresent()) {
                if (!section.title().isEmpty()) {
                    target.add(new H3(section.title().in(sources.locale())));
                }
                target.add(layout);
            }
        }
        editors.values().forEach(e -> e.onChange(this::refreshConditions));
        save = new Button(getTranslation("views.record.save"), click -> fireEvent(new SaveEvent(this)));
        save.setId("record-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(FormAccess.mayWrite(form, actor));
        Button cancel = new Button(getTranslation("views.action.cancel"), click -> fireEvent(new CancelEvent(this)));
        cancel.setId("record-cancel");
        // after the tabs, and sticky (kehu.css): always in reach at the bottom of the screen, however long the form
        HorizontalLayout actions = new HorizontalLayout(save, cancel);
        actions.setId("record-actions");
        actions.addClassName("kehu-record-actions");
        add(tabs, actions);
        tabs.setWidthFull();
        refreshConditions();
    }

    /** Where the view adds its own tabs (history, related records) after the definition's tabs. */
    TabSheet tabs() {
        return tabs;
    }

    /** Shows {@code record} and makes it the unchanged state. */
    void load(Record record) {
        record.values().asMap().forEach((id, value) -> {
            FieldEditor editor = editors.get(id);
            if (editor != null) {
                editor.setValue(value);
            }
        });
        rebase(record);
    }

    /** Makes field {@code fieldId}'s editor read-only (no-op when the form shows no such field). */
    void lock(String fieldId) {
        FieldEditor editor = editors.get(fieldId);
        if (editor != null) {
            editor.setReadOnly(true);
        }
    }

    /**
     * Makes every field outside {@code editable} read-only: the record's workflow state lets only those change (the
     * server refuses the others too; this only spares people typing what cannot be saved). With nothing editable
     * (a closed complaint) the save button goes too.
     */
    void lockExcept(Set<String> editable) {
        editors.forEach((id, editor) -> {
            if (!editable.contains(id)) {
                editor.setReadOnly(true);
            }
        });
        if (editable.isEmpty()) {
            save.setVisible(false);
        }
    }

    /** Takes {@code record}'s version and values as the base of the next save, keeping what the user typed. */
    void rebase(Record record) {
        rowVersion = record.rowVersion();
        baseline.clear();
        readable.clear();
        readable.putAll(record.values().asMap());
        record.values().asMap().forEach((id, value) -> {
            FieldEditor editor = editors.get(id);
            if (editor != null) {
                Object shown = editor.value();
                editor.setValue(value); // the stored value as this editor returns it, so unchanged means equal
                baseline.put(id, editor.value());
                editor.setValue(shown);
            }
        });
        showErrors(List.of());
        refreshConditions();
    }

    /** Sets editable fields from text, e.g. {@code ?customer=12} on a new interaction. */
    void prefill(Map<String, List<String>> parameters, FieldValues conversions) {
        parameters.forEach((id, values) -> {
            FieldEditor editor = editors.get(id);
            if (editor != null && !values.isEmpty() && FormAccess.mayEdit(form, editor.field(), actor)) {
                FieldValues.Converted converted = conversions.convert(editor.field(), values.get(0));
                if (converted.ok()) {
                    editor.setValue(converted.value());
                }
            }
        });
        refreshConditions();
    }

    /** Shows the definition's defaults, as a new record will get them. */
    void applyDefaults(FieldValues conversions) {
        for (FieldEditor e : editors.values()) {
            if (e.field().defaultValue() != null) {
                FieldValues.Converted converted = conversions.convert(e.field(), e.field().defaultValue());
                if (converted.ok()) {
                    e.setValue(converted.value());
                }
            }
        }
        refreshConditions();
    }

    /** Calls {@code listener} after every change the user makes to a field or a subtable's rows. */
    void onEdit(Runnable listener) {
        editors.values().forEach(e -> e.onUserChange(listener));
        subtableEditors.values().forEach(rows -> rows.onEdit(listener));
    }

    /** Puts back a {@link #changes()} map and {@link #rowChanges()} (a draft), where the user may still edit. */
    void restore(Map<String, Object> values, Map<String, List<RowChange>> rows) {
        rows.forEach((id, changes) -> {
            SubtableEditor editor = subtableEditors.get(id);
            if (editor != null) {
                editor.restore(changes);
            }
        });
        restore(values);
    }

    /** Puts back values of a {@link #changes()} map (e.g. a draft), into the fields the user may still edit. */
    void restore(Map<String, Object> values) {
        values.forEach((id, value) -> {
            FieldEditor editor = editors.get(id);
            if (editor != null && FormAccess.mayEdit(form, editor.field(), actor)) {
                editor.setValue(value);
            }
        });
        refreshConditions();
    }

    int rowVersion() {
        return rowVersion;
    }

    /** What the editor of {@code fieldId} shows now; {@code null} when empty or not shown to this user. */
    Object shownValue(String fieldId) {
        FieldEditor editor = editors.get(fieldId);
        return editor == null ? null : editor.value();
    }

    /** The editable fields whose value differs from the loaded record (for a new record: those filled in). */
    Map<String, Object> changes() {
        Map<String, Object> changes = new LinkedHashMap<>();
        editors.values().stream().filter(e -> FormAccess.mayEdit(form, e.field(), actor)).forEach(e -> {
            Object value = e.value();
            if (!Objects.equals(value, baseline.get(e.field().id())) && !(value == null
                    && !baseline.containsKey(e.field().id()))) {
                changes.put(e.field().id(), value);
            }
        });
        return changes;
    }

    /** What the user did to the rows of each subtable (only subtables with changes). */
    Map<String, List<RowChange>> rowChanges() {
        Map<String, List<RowChange>> all = new LinkedHashMap<>();
        subtableEditors.forEach((id, rows) -> {
            List<RowChange> changes = rows.changes();
            if (!changes.isEmpty()) {
                all.put(id, changes);
            }
        });
        return all;
    }

    /** The inline editor of subtable {@code fieldId}; {@code null} when the user may not read it. */
    SubtableEditor subtable(String fieldId) {
        return subtableEditors.get(fieldId);
    }

    Iterable<SubtableEditor> subtables() {
        return subtableEditors.values();
    }

    boolean isDirty() {
        return !changes().isEmpty() || subtableEditors.values().stream().anyMatch(SubtableEditor::isDirty);
    }

    /** Shows the errors of subtable rows on their rows (subtable field → row index → errors). */
    void showRowErrors(Map<String, Map<Integer, List<FieldError>>> errors) {
        subtableEditors.forEach((id, rows) -> rows.showErrors(errors.getOrDefault(id, Map.of())));
    }

    FieldEditor editor(String fieldId) {
        return editors.get(fieldId);
    }

    /** Shows each error beside its field; errors of the whole record (or of hidden fields) above the form. */
    void showErrors(List<FieldError> errors) {
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
        showFormError(String.join(" ", general));
    }

    void showFormError(String message) {
        formErrors.setText(message == null ? "" : message);
    }

    /**
     * Re-evaluates visibleWhen/requiredWhen on the user's view of the record with their edits: the same inputs the
     * server has, since a condition may only read fields every reader of its field may read (checked on publish).
     */
    private void refreshConditions() {
        Map<String, Object> values = new HashMap<>(readable);
        editors.forEach((id, e) -> values.put(id, e.value()));
        for (FieldEditor e : editors.values()) {
            e.component().setVisible(rules.isVisible(form, e.field(), values, actor));
            e.setRequired(rules.isRequired(form, e.field(), values, actor));
        }
    }

    private List<LayoutSection> sections() {
        return form.layout().isEmpty()
                ? List.of(new LayoutSection(null, null, 2, form.fields().stream().map(FieldDefinition::id).toList()))
                : form.layout();
    }

    private FormLayout section(LayoutSection section, FilterSources sources,
                               Function<FieldDefinition, Component> subtables) {
        int columns = Math.max(1, Math.min(4, section.columns()));
        FormLayout layout = new FormLayout();
        layout.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("32em", Math.min(2, columns)),
                new ResponsiveStep("56em", columns));
        for (String id : section.fields()) {
            FieldDefinition f = form.field(id).orElse(null);
            if (f == null || !FormAccess.mayRead(f, actor)) {
                continue;
            }
            if (f.type() == FieldType.SUBTABLE) {
                Component table = subtables.apply(f);
                if (table instanceof SubtableEditor rows) {
                    subtableEditors.put(id, rows);
                }
                layout.add(table, columns);
                continue;
            }
            FieldEditor editor = FieldEditors.create(f, sources);
            editor.setReadOnly(!FormAccess.mayEdit(form, f, actor));
            editors.put(id, editor);
            layout.add(editor.component(), f.storedType() == FieldType.TEXTAREA ? columns : 1);
        }
        return layout;
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    /** The user asked to save. */
    static final class SaveEvent extends ComponentEvent<RecordForm> {
        SaveEvent(RecordForm source) {
            super(source, false);
        }
    }

    /** The user asked to leave without saving. */
    static final class CancelEvent extends ComponentEvent<RecordForm> {
        CancelEvent(RecordForm source) {
            super(source, false);
        }
    }
}
