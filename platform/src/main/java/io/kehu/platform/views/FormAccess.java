package io.kehu.platform.views;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import java.util.List;

/**
 * What the screens may show and offer for editing. The record store enforces the same rules on every read and write;
 * these answers only keep the screens from offering what would be refused, and from building components for fields
 * the user may not read.
 */
final class FormAccess {

    private FormAccess() {
    }

    static boolean mayRead(FormDefinition form, Actor actor) {
        return actor.isSystem() || form.access().mayRead(actor.roles());
    }

    static boolean mayWrite(FormDefinition form, Actor actor) {
        return actor.isSystem() || form.access().mayWrite(actor.roles());
    }

    static boolean mayRead(FieldDefinition field, Actor actor) {
        return actor.isSystem() || field.access().mayRead(actor.roles());
    }

    /**
     * Whether the user may see the form's deleted records and bring them back: administrators who may write the form
     * (the record store refuses everyone else on every query of deleted records and every restore).
     */
    static boolean mayRestore(FormDefinition form, Actor actor) {
        return mayWrite(form, actor) && (actor.isSystem() || actor.hasRole(Role.ADMIN));
    }

    /** Whether the user may change the field: the form and the field are writable and it is not read-only. */
    static boolean mayEdit(FormDefinition form, FieldDefinition field, Actor actor) {
        return mayWrite(form, actor) && (actor.isSystem() || field.access().mayWrite(actor.roles()))
                && !field.readOnly() && field.type() != FieldType.COMPUTED;
    }

    /** Fields with a value of their own (no subtables) that the user may read: the possible list columns. */
    static List<FieldDefinition> listableFields(FormDefinition form, Actor actor) {
        return form.fields().stream()
                .filter(f -> f.type() != FieldType.SUBTABLE && mayRead(f, actor))
                .toList();
    }

    /** Whether a list may be sorted by the field (multiselect values have no order). */
    static boolean sortable(FieldDefinition field) {
        return field.storedType() != FieldType.MULTISELECT;
    }
}
