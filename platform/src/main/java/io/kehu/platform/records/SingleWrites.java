package io.kehu.platform.records;

import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.selectOne;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.security.Actor;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * The writes of one record at a time behind {@link Records}: the checks are {@link WriteChecks}' (a batch of one),
 * then the row with optimistic locking, its multiselect values, the audit trail and the event. The caller's
 * transaction makes it all or nothing.
 */
final class SingleWrites {

    private final RecordServices services;
    private final DSLContext dsl;

    SingleWrites(RecordServices services) {
        this.services = services;
        this.dsl = services.dsl();
    }

    Record insert(Actor actor, FormDefinition form, Long parentId, Map<String, ?> raw) {
        RecordTable table = services.table(form);
        WriteChecks checks = new WriteChecks(services, actor);
        PreparedWrite write = checks.prepareCreate(form, raw);
        checks.check(table, List.of(write), services.guardsWatching(form), new WrittenRecords(), false);
        Map<String, Object> values = write.values();

        OffsetDateTime now = RecordServices.now();
        Map<Field<?>, Object> row = new HashMap<>();
        for (FieldDefinition f : form.fields()) {
            if (RecordTable.hasColumn(f)) {
                table.putColumns(row, f, values.get(f.id()));
            }
        }
        row.put(table.rowVersion, 0);
        row.put(table.parentId, parentId);
        row.put(table.createdAt, now);
        row.put(table.createdBy, actor.userId());
        row.put(table.updatedAt, now);
        row.put(table.updatedBy, actor.userId());
        long id = dsl.insertInto(table.table).set(row).returningResult(table.id).fetchOne().value1();
        List<AuditTrail.Change> auditChanges = new ArrayList<>();
        for (String fieldId : write.changed()) {
            FieldDefinition f = form.field(fieldId).orElseThrow();
            if (RecordTable.isMultiselect(f)) {
                writeMultiselect(table, f, id, values.get(fieldId), false);
            }
            auditChanges.add(new AuditTrail.Change(fieldId, null, values.get(fieldId)));
        }
        if (auditChanges.isEmpty()) {
            auditChanges.add(new AuditTrail.Change(null, null, null));
        }
        services.audit().append(form.id(), id, AuditAction.CREATE, auditChanges, actor, now);
        services.events().publishEvent(new RecordEvents.Saved(form.id(), id, 0, actor, write.changed(), true));
        return view(table, written(table, id), actor);
    }

    Record update(Actor actor, FormDefinition form, long id, int expectedRowVersion, Map<String, ?> changes) {
        return update(actor, form, id, expectedRowVersion, changes, null);
    }

    /**
     * As {@link #update(Actor, FormDefinition, long, int, Map)}, the changes decided by {@code decide} on the actor's
     * view of the record as it stands (read once, for the checks and the write alike).
     */
    Record update(Actor actor, FormDefinition form, long id, int expectedRowVersion,
            Function<Record, ? extends Map<String, ?>> decide) {
        return update(actor, form, id, expectedRowVersion, null, decide);
    }

    private Record update(Actor actor, FormDefinition form, long id, int expectedRowVersion, Map<String, ?> given,
            Function<Record, ? extends Map<String, ?>> decide) {
        RecordTable table = services.table(form);
        Record old = loadForChange(table, id, actor, false, expectedRowVersion);
        if (old.rowVersion() != expectedRowVersion) {
            throw conflict(table, id, expectedRowVersion);
        }
        Map<String, ?> changes = decide == null ? given : decide.apply(view(table, old, actor));
        WriteChecks checks = new WriteChecks(services, actor);
        PreparedWrite write = checks.prepareUpdate(form, old, expectedRowVersion, changes);
        if (write.isNoOp()) {
            return view(table, old, actor);
        }
        checks.check(table, List.of(write), services.guardsWatching(form), new WrittenRecords(), false);
        Map<String, Object> values = write.values();
        Set<String> changed = write.changed();

        OffsetDateTime now = RecordServices.now();
        Map<Field<?>, Object> row = new HashMap<>();
        for (String fieldId : changed) {
            FieldDefinition f = form.field(fieldId).orElseThrow();
            if (RecordTable.hasColumn(f)) {
                table.putColumns(row, f, values.get(fieldId));
            }
        }
        row.put(table.rowVersion, table.rowVersion.plus(1));
        row.put(table.updatedAt, now);
        row.put(table.updatedBy, actor.userId());
        int updated = dsl.update(table.table).set(row)
                .where(table.id.eq(id).and(table.rowVersion.eq(expectedRowVersion)).and(table.deletedAt.isNull()))
                .execute();
        if (updated == 0) {
            throw conflict(table, id, expectedRowVersion);
        }
        List<AuditTrail.Change> auditChanges = new ArrayList<>();
        for (String fieldId : changed) {
            FieldDefinition f = form.field(fieldId).orElseThrow();
            if (RecordTable.isMultiselect(f)) {
                writeMultiselect(table, f, id, values.get(fieldId), true);
            }
            auditChanges.add(new AuditTrail.Change(fieldId, old.get(fieldId), values.get(fieldId)));
        }
        services.audit().append(form.id(), id, AuditAction.UPDATE, auditChanges, actor, now);
        services.events().publishEvent(new RecordEvents.Saved(form.id(), id, expectedRowVersion + 1, actor, changed,
                false));
        return view(table, written(table, id), actor);
    }

    void delete(Actor actor, FormDefinition form, long id, int expectedRowVersion) {
        RecordTable table = services.table(form);
        Record old = loadForChange(table, id, actor, false, expectedRowVersion);
        if (old.rowVersion() != expectedRowVersion) {
            throw conflict(table, id, expectedRowVersion);
        }
        RecordServices.guard(services.guardsWatching(form),
                new RecordChange(form, AuditAction.DELETE, id, old.values().asMap(), Optional.of(old), actor, Set.of()));
        OffsetDateTime now = RecordServices.now();
        int updated = dsl.update(table.table)
                .set(table.deletedAt, now)
                .set(table.deletedBy, actor.userId())
                .set(table.updatedAt, now)
                .set(table.updatedBy, actor.userId())
                .set(table.rowVersion, table.rowVersion.plus(1))
                .where(table.id.eq(id).and(table.rowVersion.eq(expectedRowVersion)).and(table.deletedAt.isNull()))
                .execute();
        if (updated == 0) {
            throw conflict(table, id, expectedRowVersion);
        }
        services.audit().append(form.id(), id, AuditAction.DELETE, List.of(new AuditTrail.Change(null, null, null)),
                actor, now);
        services.events().publishEvent(new RecordEvents.Deleted(form.id(), id, actor, old.values().asMap()));
    }

    Record restore(Actor actor, FormDefinition form, long id, int expectedRowVersion) {
        RecordTable table = services.table(form);
        Record old = loadForChange(table, id, actor, true, expectedRowVersion);
        if (!old.deleted()) {
            throw new RecordNotFoundException(form.id(), id);
        }
        if (old.rowVersion() != expectedRowVersion) {
            throw conflict(table, id, expectedRowVersion);
        }
        RecordServices.guard(services.guardsWatching(form),
                new RecordChange(form, AuditAction.RESTORE, id, old.values().asMap(), Optional.of(old), actor, Set.of()));
        OffsetDateTime now = RecordServices.now();
        int updated = dsl.update(table.table)
                .set(table.deletedAt, (OffsetDateTime) null)
                .set(table.deletedBy, (Long) null)
                .set(table.updatedAt, now)
                .set(table.updatedBy, actor.userId())
                .set(table.rowVersion, table.rowVersion.plus(1))
                .where(table.id.eq(id).and(table.rowVersion.eq(expectedRowVersion)).and(table.deletedAt.isNotNull()))
                .execute();
        if (updated == 0) {
            throw conflict(table, id, expectedRowVersion);
        }
        services.audit().append(form.id(), id, AuditAction.RESTORE,
                List.of(new AuditTrail.Change(null, null, null)), actor, now);
        services.events().publishEvent(new RecordEvents.Saved(form.id(), id, expectedRowVersion + 1, actor, Set.of(),
                false));
        return view(table, written(table, id), actor);
    }

    /** Refuses when record {@code id} of {@code form} is not there for the actor (e.g. a subtable row's parent). */
    void requireVisible(FormDefinition form, long id, Actor actor) {
        RecordTable table = services.table(form);
        if (!dsl.fetchExists(selectOne().from(table.table).where(table.id.eq(id))
                .and(table.deletedAt.isNull()).and(services.visibility().of(table, actor)))) {
            throw new RecordNotFoundException(form.id(), id);
        }
    }

    private void writeMultiselect(RecordTable table, FieldDefinition f, long id, Object value, boolean replace) {
        if (replace) {
            dsl.deleteFrom(table.side(f)).where(table.sideRecordId(f).eq(id)).execute();
        }
        @SuppressWarnings("unchecked")
        List<String> chosen = value == null ? List.of() : (List<String>) value;
        if (chosen.isEmpty()) {
            return;
        }
        var insert = dsl.insertInto(table.side(f), table.sideRecordId(f), table.sideValue(f));
        for (String v : chosen) {
            insert = insert.values(id, v);
        }
        insert.execute();
    }

    /** The record with all fields, if the actor may work on it (ownership), live or (when asked) deleted. */
    private Record loadForWrite(RecordTable table, long id, Actor actor, boolean includeDeleted) {
        Condition where = table.id.eq(id).and(services.visibility().of(table, actor))
                .and(includeDeleted ? noCondition() : table.deletedAt.isNull());
        return new RecordReader(dsl, table).fetch(where, List.of(table.id.asc()), 0, 1).stream().findFirst()
                .orElseThrow(() -> new RecordNotFoundException(table.form.id(), id));
    }

    /**
     * The record just written, read whatever the actor's sight: a write may take a record out of it (staff handing a
     * complaint to a colleague), and the write still stands.
     */
    private Record written(RecordTable table, long id) {
        return new RecordReader(dsl, table).fetch(table.id.eq(id), List.of(table.id.asc()), 0, 1).stream()
                .findFirst().orElseThrow(() -> new RecordNotFoundException(table.form.id(), id));
    }

    /**
     * The record about to change. When the actor no longer sees it but it has moved on from the version they hold,
     * someone else's change took it out of their sight (a colleague took the complaint and became its owner): that
     * is a conflict, not a missing record. Who made that change is not named, since the actor may not see the record.
     */
    private Record loadForChange(RecordTable table, long id, Actor actor, boolean includeDeleted, int expectedVersion) {
        try {
            return loadForWrite(table, id, actor, includeDeleted);
        } catch (RecordNotFoundException notVisible) {
            Integer current = dsl.select(table.rowVersion).from(table.table).where(table.id.eq(id)).fetchOne(0,
                    Integer.class);
            if (current == null || current == expectedVersion) {
                throw notVisible;
            }
            throw new RecordConflictException(table.form.id(), id, expectedVersion, current, null, "", null);
        }
    }

    /** {@code full} reduced to the fields the actor may read. */
    private static Record view(RecordTable table, Record full, Actor actor) {
        Map<String, Object> visible = new LinkedHashMap<>();
        full.values().asMap().forEach((fieldId, value) -> {
            if (table.form.field(fieldId).map(f -> RecordAccess.mayRead(f, actor)).orElse(false)) {
                visible.put(fieldId, value);
            }
        });
        return new Record(full.formId(), full.id(), full.rowVersion(), full.parentId(), new RecordValues(visible),
                full.createdAt(), full.createdBy(), full.updatedAt(), full.updatedBy(), full.deletedAt(),
                full.deletedBy());
    }

    /** The conflict for a stale version, naming who saved last; not-found when the row is gone altogether. */
    private RuntimeException conflict(RecordTable table, long id, int expectedVersion) {
        Integer current = dsl.select(table.rowVersion).from(table.table).where(table.id.eq(id)).fetchOne(0,
                Integer.class);
        if (current == null) {
            return new RecordNotFoundException(table.form.id(), id);
        }
        Optional<AuditEntry> last = services.audit().latest(table.form.id(), id);
        return new RecordConflictException(table.form.id(), id, expectedVersion, current,
                last.map(AuditEntry::changedBy).orElse(null), last.map(AuditEntry::changedByName).orElse(""),
                last.map(AuditEntry::changedAt).orElse(null));
    }
}
