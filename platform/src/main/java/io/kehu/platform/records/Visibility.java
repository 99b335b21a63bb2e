package io.kehu.platform.records;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.security.Actor;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Which records an actor may see at all, as one SQL condition (so paging and counting stay in the database).
 * MANAGER, ADMIN and system actors see everything; a STAFF user sees:
 * <ul>
 *   <li>records of a form whose {@code ownerField} is a user field: those they own (a customer's account manager);</li>
 *   <li>records of a form whose {@code ownerField} is a reference: those whose referenced record they may see
 *       (a purchase of one of their customers);</li>
 *   <li>rows of a form used as a subtable, without an owner field of its own: those whose parent they may see
 *       (the contact persons of their customers);</li>
 *   <li>records of any other form: all of them (the form's role permissions still apply).</li>
 * </ul>
 */
final class Visibility {

    /** Owner chains longer than this are refused rather than followed (and cycles end here). */
    private static final int MAX_DEPTH = 4;

    private final FormCatalog catalog;
    private final RecordTables tables;

    Visibility(FormCatalog catalog, RecordTables tables) {
        this.catalog = catalog;
        this.tables = tables;
    }

    Condition of(RecordTable table, Actor actor) {
        return actor.limitedToOwnRecords() ? limited(table.form, table, actor, 0) : DSL.noCondition();
    }

    /**
     * {@link #of(RecordTable, Actor)} with its bind values collected in {@code binds}. Only the two common cases are
     * described by a shape (everything; the records a user field names the actor in); the others depend on other
     * forms' definitions and make the statement be rendered every time.
     */
    Condition of(RecordTable table, Actor actor, Binds binds) {
        if (!actor.limitedToOwnRecords()) {
            binds.shape("all");
            return DSL.noCondition();
        }
        FormDefinition form = table.form;
        FieldDefinition owner = form.ownerField() == null ? null : form.field(form.ownerField()).orElse(null);
        if (owner != null && owner.storedType() != FieldType.REFERENCE) {
            binds.shape("own");
            Field<Object> column = table.column(owner);
            return column.eq(binds.value(actor.userId(), column));
        }
        binds.notCacheable();
        return of(table, actor);
    }

    private Condition limited(FormDefinition form, RecordTable table, Actor actor, int depth) {
        if (depth > MAX_DEPTH) {
            return DSL.falseCondition();
        }
        if (form.ownerField() != null) {
            FieldDefinition owner = form.field(form.ownerField()).orElseThrow(() -> new IllegalStateException(
                    "Form " + form.id() + " names owner field " + form.ownerField() + " which it does not have"));
            if (owner.storedType() == FieldType.REFERENCE) {
                return table.column(owner).in(visibleIds(owner.form(), actor, depth));
            }
            return table.column(owner).eq(actor.userId());
        }
        Condition byParent = null;
        for (FormDefinition parent : catalog.allPublished()) {
            boolean holdsThisForm = parent.fields().stream()
                    .anyMatch(f -> f.type() == FieldType.SUBTABLE && form.id().equals(f.form()));
            if (holdsThisForm) {
                Condition c = table.parentId.in(visibleIds(parent.id(), actor, depth));
                byParent = byParent == null ? c : byParent.or(c);
            }
        }
        return byParent == null ? DSL.noCondition() : byParent;
    }

    private org.jooq.Select<org.jooq.Record1<Long>> visibleIds(String formId, Actor actor, int depth) {
        FormDefinition target = catalog.published(formId).orElseThrow(() -> new IllegalStateException(
                "Ownership follows form " + formId + ", which is not published"));
        RecordTable targetTable = tables.of(target);
        return DSL.select(targetTable.id).from(targetTable.table)
                .where(targetTable.deletedAt.isNull())
                .and(limited(target, targetTable, actor, depth + 1));
    }
}
