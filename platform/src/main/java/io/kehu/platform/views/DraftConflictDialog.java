package io.kehu.platform.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RowChange;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;

/**
 * An unsaved edit of a record came back (a reload, a phone that lost its connection) but someone saved the record
 * after the edit began: the page shows the newer version, and this dialog says who saved it and when, lists each
 * field of the draft as it is saved now and as the draft has it, and lets the user put the draft on top of the newer
 * version (to look over and save) or throw it away. Nothing is overwritten without that choice.
 */
final class DraftConflictDialog extends Dialog {

    DraftConflictDialog(FormDefinition form, Record now, RecordDrafts.Draft draft, ValueFormatter formatter,
                        String savedBy, ZoneId zone, Runnable apply, Runnable discard) {
        setId("draft-conflict");
        setHeaderTitle(getTranslation("views.draft.conflictTitle"));
        String when = now.updatedAt() == null ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(formatter.locale()).format(now.updatedAt().atZoneSameInstant(zone));
        add(new Paragraph(getTranslation("views.draft.conflictText", savedBy, when)));
        UnorderedList changes = new UnorderedList();
        changes.setId("draft-conflict-changes");
        for (Map.Entry<String, Object> change : draft.values().entrySet()) {
            FieldDefinition field = form.field(change.getKey()).orElse(null);
            if (field != null) {
                changes.add(new ListItem(getTranslation("views.draft.field", label(field),
                        shown(formatter, field, now.get(field.id())), shown(formatter, field, change.getValue()))));
            }
        }
        for (Map.Entry<String, List<RowChange>> rows : draft.rows().entrySet()) {
            form.field(rows.getKey()).ifPresent(field -> changes.add(new ListItem(
                    getTranslation("views.draft.rows", label(field), rows.getValue().size()))));
        }
        add(changes);
        Button keep = new Button(getTranslation("views.draft.apply"), click -> {
            close();
            apply.run();
        });
        keep.setId("draft-conflict-apply");
        keep.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button drop = new Button(getTranslation("mobile.draftDiscard"), click -> {
            close();
            discard.run();
        });
        drop.setId("draft-conflict-discard");
        drop.addThemeVariants(ButtonVariant.LUMO_ERROR);
        getFooter().add(drop, keep);
        setCloseOnOutsideClick(false);
        setCloseOnEsc(false);
    }

    private String label(FieldDefinition field) {
        return field.label().isEmpty() ? field.id() : field.label().in(getLocale());
    }

    private String shown(ValueFormatter formatter, FieldDefinition field, Object value) {
        String text = value == null ? "" : formatter.format(field, value);
        return text.isBlank() ? getTranslation("views.draft.empty") : text;
    }
}
