package io.kehu.platform.records;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;

/**
 * Who may do what with a form's records, decided on the server for every call: the form's and each field's
 * {@link io.kehu.platform.forms.AccessRule}, read-only and computed fields (only the platform itself sets them), and
 * record ownership, which is a SQL condition so that paging and counts stay correct.
 */
final class RecordAccess {

    private RecordAccess() {
    }

    static void requireRead(FormDefinition form, Actor actor) {
        if (!actor.isSystem() && !form.access().mayRead(actor.roles())) {
            throw new RecordAccessDeniedException(null, LocalizedText.of(
                    actor.username() + " 无权查看“" + form.id() + "”的记录",
                    actor.username() + " may not read records of form " + form.id()));
        }
    }

    static void requireWrite(FormDefinition form, Actor actor) {
        if (!actor.isSystem() && !form.access().mayWrite(actor.roles())) {
            throw new RecordAccessDeniedException(null, LocalizedText.of(
                    actor.username() + " 无权修改“" + form.id() + "”的记录",
                    actor.username() + " may not write records of form " + form.id()));
        }
    }

    static boolean mayRead(FormDefinition form, Actor actor) {
        return actor.isSystem() || form.access().mayRead(actor.roles());
    }

    static boolean mayRead(FieldDefinition field, Actor actor) {
        return actor.isSystem() || field.access().mayRead(actor.roles());
    }

    /** Refuses a change of {@code field} the actor may not make, naming the field. */
    static void requireWrite(FormDefinition form, FieldDefinition field, Actor actor) {
        if (actor.isSystem()) {
            return;
        }
        if (!field.access().mayWrite(actor.roles())) {
            throw new RecordAccessDeniedException(field.id(), LocalizedText.of(
                    actor.username() + " 无权修改字段“" + field.id() + "”（表单 " + form.id() + "）",
                    actor.username() + " may not write field " + field.id() + " of form " + form.id()));
        }
        if (field.readOnly() || field.type() == FieldType.COMPUTED) {
            throw new RecordAccessDeniedException(field.id(), LocalizedText.of(
                    "字段“" + field.id() + "”（表单 " + form.id() + "）是只读的",
                    "Field " + field.id() + " of form " + form.id() + " is read-only"));
        }
    }

    /** Only admins (and the platform) look at deleted records. */
    static void requireDeletedAccess(FormDefinition form, Actor actor) {
        if (!actor.isSystem() && !actor.hasRole(Role.ADMIN)) {
            throw new RecordAccessDeniedException(null, LocalizedText.of(
                    "只有管理员可以查看已删除的记录", "Only administrators may see deleted records of " + form.id()));
        }
    }

    /** Refuses to give a record to someone else when the actor only works on their own records. */
    static void requireOwnership(FormDefinition form, Actor actor, Object owner) {
        if (form.ownerField() != null && actor.limitedToOwnRecords() && !actor.userId().equals(owner)) {
            throw new RecordAccessDeniedException(form.ownerField(), LocalizedText.of(
                    actor.username() + " 只能负责自己的记录，不能把记录交给其他人（字段“" + form.ownerField() + "”）",
                    actor.username() + " may only own records themselves, not assign field " + form.ownerField()
                            + " to someone else"));
        }
    }
}
