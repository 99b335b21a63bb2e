package io.kehu.platform.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordConflictException;
import io.kehu.platform.records.RecordRules;
import io.kehu.platform.records.RecordValidationException;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;

/**
 * The rows of a subtable (a customer's contact persons): a small grid with add, edit and remove, each row saved at
 * once through the record store as a child record. The rows of one record are few (the store returns at most 1000),
 * so they are listed in full. A record not yet saved has no rows: the user saves it first.
 */
final class SubtableEditor extends VerticalLayout {

    private final Records records;
    private final Actor actor;
    private final FormDefinition parent;
    private final long parentId;
    private final FieldDefinition field;
    private final FormDefinition childForm;
    private final RecordRules rules;
    private final FilterSources sources;
    private final Grid<Record> grid = new Grid<>();

    SubtableEditor(Records records, Actor actor, FormDefinition parent, long parentId, FieldDefinition field,
                   FormDefinition childForm, RecordRules rules, FilterSources sources, ValueFormatter formatter) {
        this.records = records;
        this.actor = actor;
        this.parent = parent;
        this.parentId = parentId;
        this.field = field;
        this.childForm = childForm;
        this.rules = rules;
        this.sources = sources;
        setPadding(false);
        setId("subtable-" + field.id());
        grid.setId("subtable-grid-" + field.id());
        for (FieldDefinition f : FormAccess.listableFields(childForm, actor)) {
            if (f.showInList()) {
                grid.addColumn(r -> formatter.format(f, r.get(f.id()))).setHeader(f.label().in(sources.locale()));
            }
        }
        grid.setAllRowsVisible(true);
        boolean editable = FormAccess.mayEdit(parent, field, actor) && FormAccess.mayWrite(childForm, actor);
        if (editable) {
            grid.addItemClickListener(click -> open(click.getItem()));
            Button add = new Button(getTranslation("views.subtable.add"), VaadinIcon.PLUS.create(),
                    click -> open(null));
            add.setId("subtable-" + field.id() + "-add");
            add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            add(add);
        }
        add(grid);
        refresh();
    }

    /** What a record not saved yet shows in place of its subtable. */
    static Span notYetSaved(FieldDefinition field) {
        Span hint = new Span();
        hint.setId("subtable-" + field.id());
        hint.setText(hint.getTranslation("views.subtable.saveFirst"));
        return hint;
    }

    private void refresh() {
        grid.setItems(records.subtableRows(actor, parent.id(), parentId, field.id()));
    }

    private void open(Record row) {
        Dialog dialog = new Dialog(childForm.label().in(sources.locale()));
        dialog.setId("subtable-dialog");
        RecordForm form = new RecordForm(childForm, actor, rules, sources, f -> new Span());
        if (row != null) {
            form.load(row);
            Button remove = new Button(getTranslation("views.subtable.remove"), click -> {
                records.delete(actor, childForm.id(), row.id(), row.rowVersion());
                dialog.close();
                refresh();
            });
            remove.setId("subtable-remove");
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            dialog.getFooter().add(remove);
        }
        form.addSaveListener(save -> {
            try {
                if (row == null) {
                    records.createChild(actor, parent.id(), parentId, field.id(), form.changes());
                } else {
                    records.update(actor, childForm.id(), row.id(), form.rowVersion(), form.changes());
                }
                dialog.close();
                refresh();
            } catch (RecordValidationException invalid) {
                form.showErrors(invalid.errors());
            } catch (RecordConflictException conflict) {
                form.showFormError(getTranslation("views.subtable.conflict"));
            }
        });
        form.addCancelListener(cancel -> dialog.close());
        dialog.add(form);
        dialog.open();
    }
}
