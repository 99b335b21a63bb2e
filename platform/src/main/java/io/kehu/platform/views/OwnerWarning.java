package io.kehu.platform.views;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.security.Actor;
import java.util.Locale;

/**
 * The question before a record is saved without an owner: STAFF see only the records they own, so such a record
 * vanishes from every sales rep's list. A STAFF user is never asked (the record store makes them the owner).
 */
final class OwnerWarning {

    private OwnerWarning() {
    }

    /** Whether the form's owner field is a user field (not a reference that decides visibility through a parent). */
    static boolean ownedByUser(FormDefinition form) {
        return form.ownerField() != null && form.field(form.ownerField()).map(FieldDefinition::type)
                .filter(t -> t == FieldType.USER).isPresent();
    }

    /**
     * Whether saving now would leave the record without an owner: a new record, or an existing one whose owner the
     * user just cleared, with the owner field empty, saved by someone who may edit the owner.
     */
    static boolean applies(FormDefinition form, Actor actor, RecordForm shown, boolean creating) {
        if (!ownedByUser(form) || actor.limitedToOwnRecords()) {
            return false;
        }
        FieldDefinition owner = form.field(form.ownerField()).orElseThrow();
        if (!FormAccess.mayEdit(form, owner, actor) || shown.shownValue(owner.id()) != null) {
            return false;
        }
        return creating || shown.changes().containsKey(owner.id());
    }

    /** Asks whether to save anyway; {@code save} runs only when the user agrees. */
    static void confirm(FormDefinition form, Locale locale, Runnable save) {
        ConfirmDialog dialog = new ConfirmDialog();
        String ownerLabel = form.field(form.ownerField()).map(f -> f.label().in(locale)).filter(l -> !l.isBlank())
                .orElse(form.ownerField());
        dialog.setHeader(dialog.getTranslation("views.owner.emptyTitle", ownerLabel));
        dialog.setText(dialog.getTranslation("views.owner.emptyText", ownerLabel));
        dialog.setConfirmText(dialog.getTranslation("views.owner.saveAnyway"));
        dialog.addConfirmListener(e -> save.run());
        dialog.setCancelable(true);
        dialog.setCancelText(dialog.getTranslation("views.owner.chooseOwner", ownerLabel));
        dialog.setId("owner-empty-dialog");
        dialog.open();
    }
}
