package io.kehu.platform.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What can be done to the selected rows at once: hand them to another owner (the form's owner field, e.g. the account
 * manager) and delete them after a confirmation; in the deleted records (an administrator's recycle bin), bring them
 * back. Each record is written through the record store on its own, so one
 * refused record (someone else's, changed meanwhile) does not stop the others; the user is told how many worked and,
 * by title, which were refused and why ({@link BulkFailures}).
 */
final class BulkActions extends HorizontalLayout {

    private final FormDefinition form;
    private final Span selected = new Span();

    BulkActions(Records records, Actor actor, FormDefinition form, UserDirectory users,
                Supplier<Set<Record>> selection, Runnable afterChange) {
        this(records, actor, form, users, selection, afterChange, false);
    }

    /** With {@code deletedRecords}, the actions on a list of deleted records: only "restore". */
    BulkActions(Records records, Actor actor, FormDefinition form, UserDirectory users,
                Supplier<Set<Record>> selection, Runnable afterChange, boolean deletedRecords) {
        this.form = form;
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setId("bulk-actions");
        selected.setId("bulk-selected");
        add(selected);
        if (deletedRecords) {
            Button restore = new Button(getTranslation("views.bulk.restore"), VaadinIcon.ARROW_BACKWARD.create(),
                    click -> run(selection.get(), r -> records.restore(actor, form.id(), r.id(), r.rowVersion()),
                            afterChange));
            restore.setId("bulk-restore");
            add(restore);
            return;
        }
        FieldDefinition owner = form.ownerField() == null ? null : form.field(form.ownerField()).orElse(null);
        // STAFF may only own records themselves (the store refuses anything else), so they get no assign control
        if (owner != null && FormAccess.mayEdit(form, owner, actor) && !actor.limitedToOwnRecords()) {
            ComboBox<UserAccount> assignee = Pickers.user(users);
            assignee.setId("bulk-assignee");
            assignee.setPlaceholder(owner.label().in(getLocale()));
            Button assign = new Button(getTranslation("views.bulk.assign"), click -> {
                if (assignee.getValue() != null) {
                    long userId = assignee.getValue().id();
                    run(selection.get(), r -> records.update(actor, form.id(), r.id(), r.rowVersion(),
                            Map.of(owner.id(), userId)), afterChange);
                }
            });
            assign.setId("bulk-assign");
            add(assignee, assign);
        }
        if (FormAccess.mayWrite(form, actor)) {
            Button delete = new Button(getTranslation("views.bulk.delete"), click -> confirmDelete(records, actor,
                    form, selection.get(), afterChange));
            delete.setId("bulk-delete");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            add(delete);
        }
    }

    /** Whether this user has any action here (a STAFF reader of another team's form may have none). */
    boolean hasActions() {
        return getComponentCount() > 1;
    }

    /**
     * Shows the actions while {@code selectedRows} rows are selected and hides them when none are: a red "delete"
     * with nothing to delete only invites mistakes.
     */
    void showFor(int selectedRows) {
        selected.setText(getTranslation("views.bulk.selected", selectedRows));
        setVisible(selectedRows > 0);
    }

    private void confirmDelete(Records records, Actor actor, FormDefinition form, Set<Record> rows,
                               Runnable afterChange) {
        if (rows.isEmpty()) {
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("views.bulk.deleteTitle"),
                getTranslation("views.bulk.deleteText", rows.size()), getTranslation("views.bulk.delete"),
                e -> run(rows, r -> records.delete(actor, form.id(), r.id(), r.rowVersion()), afterChange));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("views.action.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.setId("bulk-delete-confirm");
        confirm.open();
    }

    /**
     * Applies {@code action} to each record on its own. The store's refusals are collected and shown by record title
     * with their reason; any other exception is a fault and propagates (the list is refreshed either way).
     */
    private void run(Set<Record> rows, Consumer<Record> action, Runnable afterChange) {
        int done = 0;
        List<BulkFailures.Failure> failures = new ArrayList<>();
        try {
            for (Record row : rows) {
                try {
                    action.accept(row);
                    done++;
                } catch (RuntimeException e) {
                    String reason = BulkFailures.reason(e, this, getLocale()).orElseThrow(() -> e);
                    failures.add(new BulkFailures.Failure(ReferenceTitles.titleOf(form, row), reason));
                }
            }
        } finally {
            afterChange.run();
        }
        Notification.show(getTranslation("views.bulk.result", done, rows.size()));
        if (!failures.isEmpty()) {
            new BulkFailures(failures).open();
        }
    }
}
