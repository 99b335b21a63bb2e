package io.kehu.platform.views;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.records.FieldError;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import java.util.List;
import java.util.Optional;

/**
 * Where a value refused as "already used" lives: for each such error, a link to the record holding the value (a
 * duplicate phone number leads to the customer who has it), found with the user's own permissions, so a record they
 * may not see is never named; then they are told to ask a manager instead.
 */
final class DuplicateHolders extends Div {

    private final Records records;
    private final Actor actor;
    private final FormDefinition form;

    DuplicateHolders(Records records, Actor actor, FormDefinition form) {
        this.records = records;
        this.actor = actor;
        this.form = form;
        setId("duplicate-holders");
        setVisible(false);
    }

    /** Shows the holders of the values {@code errors} refuse as duplicates; {@code shown} gives the typed value. */
    void show(List<FieldError> errors, java.util.function.Function<String, Object> shown, Long editedId) {
        removeAll();
        for (FieldError error : errors) {
            if (!"unique".equals(error.code()) || error.fieldId() == null) {
                continue;
            }
            Optional<FieldDefinition> field = form.field(error.fieldId());
            Object value = shown.apply(error.fieldId());
            if (field.isEmpty() || value == null) {
                continue;
            }
            String label = field.get().label().in(getLocale());
            Optional<Record> holder = records.query(actor, RecordQuery.of(form.id())
                            .where(RecordQuery.Filter.of(field.get().id(), RecordQuery.Operator.EQUALS, value))
                            .limit(2)).stream()
                    .filter(r -> editedId == null || r.id() != editedId).findFirst();
            Div line = new Div();
            if (holder.isPresent()) {
                Anchor link = new Anchor(RecordView.path(form.id(), String.valueOf(holder.get().id())),
                        ReferenceTitles.titleOf(form, holder.get()));
                link.setId("duplicate-holder-" + field.get().id());
                line.add(new Span(getTranslation("views.duplicate.heldBy", label) + " "), link);
            } else {
                line.add(new Span(getTranslation("views.duplicate.heldByOther", label)));
            }
            add(line);
        }
        setVisible(getComponentCount() > 0);
    }
}
