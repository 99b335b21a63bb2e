package io.kehu.platform.records;

import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.selectOne;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormTables;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccounts;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way to read and write form records, for the UI, imports, the REST API and plugins alike. Every write
 * converts and validates the values ({@link FieldValues}), checks form, field and ownership permissions, runs the
 * form's {@link RecordRules} and the {@link RecordGuard}s, writes with optimistic locking, appends the audit trail and
 * publishes {@link RecordEvents}, all in one transaction: a refused or failing write leaves nothing behind.
 *
 * <p>Records the actor may not see (deleted, or owned by someone else) are "not found", never "forbidden", so their
 * ids reveal nothing. Fields the actor may not read are absent from results and cannot be filtered, sorted or
 * written.
 *
 * <p>Definitions come from the {@link FormCatalog}: always the published version of each form. Reads join a caller's
 * transaction but do not open one: a list page is one statement (two with multiselect values), and a transaction of
 * its own would add a begin/commit round trip to every page (measured in docs/benchmarks.md).
 */
@Service
public class Records {

    private final DSLContext dsl;
    private final FormCatalog catalog;
    private final Visibility visibility;
    private final AuditTrail audit;
    private final UserAccounts users;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<RecordRules> rules;
    private final ObjectProvider<RecordGuard> guards;
    private final FieldValues fieldValues = new FieldValues(ZoneId.systemDefault());

    Records(DSLContext dsl, FormCatalog catalog, AuditTrail audit, UserAccounts users,
            ApplicationEventPublisher events, ObjectProvider<RecordRules> rules, ObjectProvider<RecordGuard> guards) {
        this.dsl = dsl;
        this.catalog = catalog;
        this.visibility = new Visibility(catalog);
        this.audit = audit;
        this.users = users;
        this.events = events;
        this.rules = rules;
        this.guards = guards;
    }

    /**
     * Creates a record from {@code values} (field id → typed value or text); absent fields get their default. When
     * the form has an owner field and a STAFF user leaves it empty, that user becomes the owner.
     *
     * @throws RecordValidationException listing every wrong or missing value
     * @throws RecordAccessDeniedException when the actor may not write the form or one of the given fields
     * @throws RecordRefusedException when a guard vetoes the write
     */
    @Transactional
    public Record create(Actor actor, String formId, Map<String, ?> values) {
        FormDefinition form = form(formId);
        RecordAccess.requireWrite(form, actor);
        return insert(actor, form, null, values);
    }

    /**
     * Creates a row of subtable field {@code fieldId} of record {@code parentId}, i.e. a record of the subtable's
     * form whose parent is that record. The actor must be able to see the parent and write the subtable field.
     */
    @Transactional
    public Record createChild(Actor actor, String parentFormId, long parentId, String fieldId, Map<String, ?> values) {
        FormDefinition parentForm = form(parentFormId);
        RecordAccess.requireWrite(parentForm, actor);
        FieldDefinition field = subtableField(parentForm, fieldId);
        RecordAccess.requireWrite(parentForm, field, actor);
        requireVisible(parentForm, parentId, actor);
        FormDefinition childForm = form(field.form());
        RecordAccess.requireWrite(childForm, actor);
        return insert(actor, childForm, parentId, values);
    }

    /**
     * Changes the fields named in {@code changes}, provided nobody saved the record since the actor read version
     * {@code expectedRowVersion}. A change that changes nothing writes nothing and returns the record as it is.
     *
     * @throws RecordConflictException when the version is stale: someone else saved in between
     * @throws RecordNotFoundException when the record does not exist for this actor
     */
    @Transactional
    public Record update(Actor actor, String formId, long id, int expectedRowVersion, Map<String, ?> changes) {
        FormDefinition form = form(formId);
        RecordAccess.requireWrite(form, actor);
        RecordTable table = new RecordTable(form);
        Record old = loadForWrite(table, id, actor, false);
        if (old.rowVersion() != expectedRowVersion) {
            throw conflict(table, id, expectedRowVersion);
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> given = convertInput(actor, form, changes, old, errors);
        Map<String, Object> values = new LinkedHashMap<>(old.values().asMap());
        values.putAll(given);
        if (ownedByUser(form) && given.containsKey(form.ownerField())) {
            RecordAccess.requireOwnership(form, actor, values.get(form.ownerField()));
        }
        compute(form, values, Optional.of(old), actor, errors);
        Set<String> changed = new LinkedHashSet<>();
        for (FieldDefinition f : form.fields()) {
            if (RecordTable.holdsValue(f) && !Objects.equals(old.get(f.id()), values.get(f.id()))) {
                changed.add(f.id());
            }
        }
        if (changed.isEmpty() && errors.isEmpty()) {
            return view(table, old, actor);
        }
        validate(actor, table, values, changed, Optional.of(old), errors);
        guard(new RecordChange(form, AuditAction.UPDATE, id, values, Optional.of(old), actor));

        OffsetDateTime now = now();
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
        audit.append(form.id(), id, AuditAction.UPDATE, auditChanges, actor, now);
        events.publishEvent(new RecordEvents.Saved(form.id(), id, expectedRowVersion + 1, actor, changed, false));
        return view(table, loadForWrite(table, id, actor, false), actor);
    }

    /**
     * Soft-deletes a record: it disappears from reads and queries but keeps its row, values and history, and can be
     * restored.
     */
    @Transactional
    public void delete(Actor actor, String formId, long id, int expectedRowVersion) {
        FormDefinition form = form(formId);
        RecordAccess.requireWrite(form, actor);
        RecordTable table = new RecordTable(form);
        Record old = loadForWrite(table, id, actor, false);
        if (old.rowVersion() != expectedRowVersion) {
            throw conflict(table, id, expectedRowVersion);
        }
        guard(new RecordChange(form, AuditAction.DELETE, id, old.values().asMap(), Optional.of(old), actor));
        OffsetDateTime now = now();
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
        audit.append(form.id(), id, AuditAction.DELETE, List.of(new AuditTrail.Change(null, null, null)), actor, now);
        events.publishEvent(new RecordEvents.Deleted(form.id(), id, actor));
    }

    /**
     * Brings a deleted record back, with the values it had. Only administrators, who alone may see deleted records
     * (the delete confirmation tells users so), may restore them.
     */
    @Transactional
    public Record restore(Actor actor, String formId, long id, int expectedRowVersion) {
        FormDefinition form = form(formId);
        RecordAccess.requireWrite(form, actor);
        RecordAccess.requireDeletedAccess(form, actor);
        RecordTable table = new RecordTable(form);
        Record old = loadForWrite(table, id, actor, true);
        if (!old.deleted()) {
            throw new RecordNotFoundException(formId, id);
        }
        if (old.rowVersion() != expectedRowVersion) {
            throw conflict(table, id, expectedRowVersion);
        }
        guard(new RecordChange(form, AuditAction.RESTORE, id, old.values().asMap(), Optional.of(old), actor));
        OffsetDateTime now = now();
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
        audit.append(form.id(), id, AuditAction.RESTORE, List.of(new AuditTrail.Change(null, null, null)), actor, now);
        events.publishEvent(new RecordEvents.Saved(form.id(), id, expectedRowVersion + 1, actor, Set.of(), false));
        return view(table, loadForWrite(table, id, actor, false), actor);
    }

    /** The live record {@code id} as {@code actor} may see it; empty when deleted, missing or not theirs. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Optional<Record> get(Actor actor, String formId, long id) {
        FormDefinition form = form(formId);
        RecordAccess.requireRead(form, actor);
        RecordTable table = new RecordTable(form);
        return new RecordReader(dsl, table).fetch(
                        table.id.eq(id).and(table.deletedAt.isNull()).and(visibility.of(table, actor)),
                        List.of(table.id.asc()), 0, 1, actor)
                .stream().findFirst();
    }

    /**
     * One page of the records {@code actor} may see that match {@code query}. Ownership, filters and search are
     * conditions of the same SQL query, so pages are complete and fast. Never counts: see {@link #estimateCount}.
     *
     * @throws IllegalArgumentException for a filter or sort that does not fit the form (unknown field, wrong
     *                                  operator for the type)
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<Record> query(Actor actor, RecordQuery query) {
        FormDefinition form = form(query.formId());
        RecordAccess.requireRead(form, actor);
        if (query.includeDeleted()) {
            RecordAccess.requireDeletedAccess(form, actor);
        }
        RecordTable table = new RecordTable(form);
        QueryConditions conditions = new QueryConditions(table, actor, fieldValues);
        Condition where = (query.includeDeleted() ? noCondition() : table.deletedAt.isNull())
                .and(visibility.of(table, actor))
                .and(conditions.filters(query.filters()))
                .and(conditions.search(query.search()))
                .and(conditions.after(query.sorts(), query.after()));
        return new RecordReader(dsl, table).fetch(where, conditions.orderBy(query.sorts()), query.offset(),
                query.limit(), actor);
    }

    /** The live rows of subtable {@code fieldId} of record {@code parentId}, oldest first (at most 1000). */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<Record> subtableRows(Actor actor, String parentFormId, long parentId, String fieldId) {
        FormDefinition parentForm = form(parentFormId);
        RecordAccess.requireRead(parentForm, actor);
        FieldDefinition field = subtableField(parentForm, fieldId);
        if (!RecordAccess.mayRead(field, actor)) {
            throw new RecordAccessDeniedException(fieldId, LocalizedText.of(
                    actor.username() + " 无权查看字段“" + fieldId + "”",
                    actor.username() + " may not read field " + fieldId + " of form " + parentFormId));
        }
        requireVisible(parentForm, parentId, actor);
        FormDefinition childForm = form(field.form());
        RecordAccess.requireRead(childForm, actor);
        RecordTable child = new RecordTable(childForm);
        return new RecordReader(dsl, child).fetch(child.parentId.eq(parentId).and(child.deletedAt.isNull()),
                List.of(child.id.asc()), 0, RecordQuery.MAX_LIMIT, actor);
    }

    /**
     * The history of a record the actor may see (admins: deleted ones too), oldest first, without the fields the
     * actor may not read.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<AuditEntry> history(Actor actor, String formId, long id) {
        FormDefinition form = form(formId);
        RecordAccess.requireRead(form, actor);
        RecordTable table = new RecordTable(form);
        boolean admin = actor.isSystem() || actor.hasRole(Role.ADMIN);
        Condition live = admin ? noCondition() : table.deletedAt.isNull();
        if (!dsl.fetchExists(selectOne().from(table.table)
                .where(table.id.eq(id)).and(live).and(visibility.of(table, actor)))) {
            throw new RecordNotFoundException(formId, id);
        }
        return audit.history(formId, id).stream()
                .filter(e -> e.fieldId() == null || form.field(e.fieldId())
                        .map(f -> RecordAccess.mayRead(f, actor)).orElse(actor.isSystem()))
                .toList();
    }

    /**
     * About how many rows the form's table holds (deleted ones included), from the database's statistics instead of
     * a {@code COUNT(*)} over millions of rows: on PostgreSQL {@code pg_class.reltuples} (refreshed by
     * ANALYZE/autovacuum), falling back to the live-tuple counter of {@code pg_stat_user_tables} for a table never
     * analysed. H2 keeps no such statistics; there it is an exact count, fine at H2's scale. Counts come with the
     * reader's permissions: for staff limited to their own records it is the exact count of those.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public long estimateCount(Actor actor, String formId) {
        FormDefinition form = form(formId);
        RecordAccess.requireRead(form, actor);
        RecordTable table = new RecordTable(form);
        if (actor.limitedToOwnRecords()) {
            // The statistics are of the whole table: a reader who sees only their own records gets the count of
            // those (an indexed owner condition), never the company-wide figure.
            return dsl.fetchCount(table.table, table.deletedAt.isNull().and(visibility.of(table, actor)));
        }
        if (dsl.dialect().family() != SQLDialect.POSTGRES) {
            return dsl.fetchCount(table.table);
        }
        String tableName = FormTables.table(formId);
        Float reltuples = dsl.select(DSL.field(DSL.name("reltuples"), SQLDataType.REAL))
                .from(DSL.table(DSL.name("pg_catalog", "pg_class")))
                .where(DSL.field(DSL.name("oid")).eq(DSL.field("to_regclass({0})", Object.class,
                        DSL.val(DSL.name(tableName).toString()))))
                .fetchOne(0, Float.class);
        if (reltuples != null && reltuples >= 0) {
            return Math.round(reltuples);
        }
        Long live = dsl.select(DSL.field(DSL.name("n_live_tup"), SQLDataType.BIGINT))
                .from(DSL.table(DSL.name("pg_catalog", "pg_stat_user_tables")))
                .where(DSL.field(DSL.name("relname"), SQLDataType.VARCHAR).eq(tableName))
                .and(DSL.field(DSL.name("schemaname"), SQLDataType.VARCHAR).eq(DSL.currentSchema()))
                .fetchOne(0, Long.class);
        return live == null ? 0 : live;
    }

    private Record insert(Actor actor, FormDefinition form, Long parentId, Map<String, ?> raw) {
        RecordTable table = new RecordTable(form);
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> given = convertInput(actor, form, raw, null, errors);
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldDefinition f : form.fields()) {
            if (!RecordTable.holdsValue(f)) {
                continue;
            }
            Object value = given.get(f.id());
            if (!raw.containsKey(f.id()) && f.defaultValue() != null) {
                value = convertOrCollect(f, f.defaultValue(), errors);
            }
            values.put(f.id(), value == null && RecordTable.isMultiselect(f) ? List.of() : value);
        }
        if (ownedByUser(form) && actor.limitedToOwnRecords()) {
            values.putIfAbsent(form.ownerField(), null);
            if (values.get(form.ownerField()) == null) {
                values.put(form.ownerField(), actor.userId());
            }
            RecordAccess.requireOwnership(form, actor, values.get(form.ownerField()));
        }
        compute(form, values, Optional.empty(), actor, errors);
        Set<String> filled = new LinkedHashSet<>();
        values.forEach((fieldId, value) -> {
            if (!FieldValues.isEmpty(value)) {
                filled.add(fieldId);
            }
        });
        validate(actor, table, values, filled, Optional.empty(), errors);
        guard(new RecordChange(form, AuditAction.CREATE, null, values, Optional.empty(), actor));

        OffsetDateTime now = now();
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
        for (String fieldId : filled) {
            FieldDefinition f = form.field(fieldId).orElseThrow();
            if (RecordTable.isMultiselect(f)) {
                writeMultiselect(table, f, id, values.get(fieldId), false);
            }
            auditChanges.add(new AuditTrail.Change(fieldId, null, values.get(fieldId)));
        }
        if (auditChanges.isEmpty()) {
            auditChanges.add(new AuditTrail.Change(null, null, null));
        }
        audit.append(form.id(), id, AuditAction.CREATE, auditChanges, actor, now);
        events.publishEvent(new RecordEvents.Saved(form.id(), id, 0, actor, filled, true));
        return view(table, loadForWrite(table, id, actor, false), actor);
    }

    /**
     * Converts the values a caller gave, refusing fields the actor may not write. For updates ({@code old} given) a
     * readable field sent back unchanged is not a write; a field the actor may not even read always is.
     */
    private Map<String, Object> convertInput(Actor actor, FormDefinition form, Map<String, ?> raw, Record old,
                                             List<FieldError> errors) {
        Map<String, Object> converted = new LinkedHashMap<>();
        for (var entry : raw.entrySet()) {
            Optional<FieldDefinition> field = form.field(entry.getKey());
            if (field.isEmpty()) {
                errors.add(new FieldError(entry.getKey(), "unknown_field", LocalizedText.of(
                        "表单 " + form.id() + " 没有字段“" + entry.getKey() + "”",
                        "Form " + form.id() + " has no field " + entry.getKey())));
                continue;
            }
            FieldDefinition f = field.get();
            if (f.storedType() == FieldType.SUBTABLE) {
                errors.add(new FieldError(f.id(), "subtable", LocalizedText.of(
                        "子表“" + f.id() + "”的行要单独添加", "Rows of subtable " + f.id() + " are added on their own")));
                continue;
            }
            Object value = convertOrCollect(f, entry.getValue(), errors);
            boolean unchanged = old != null && RecordAccess.mayRead(f, actor)
                    && Objects.equals(old.get(f.id()), value);
            boolean leftEmptyOnCreate = old == null && FieldValues.isEmpty(value);
            if (!unchanged && !leftEmptyOnCreate) {
                RecordAccess.requireWrite(form, f, actor);
            }
            if (RecordTable.holdsValue(f)) {
                converted.put(f.id(), value);
            }
        }
        return converted;
    }

    private Object convertOrCollect(FieldDefinition f, Object raw, List<FieldError> errors) {
        FieldValues.Converted converted = fieldValues.convert(f, raw);
        if (!converted.ok()) {
            errors.add(converted.error());
        }
        return converted.value();
    }

    /** Lets the form's rules fill computed fields; their values are converted like any other. */
    private void compute(FormDefinition form, Map<String, Object> values, Optional<Record> old, Actor actor,
                         List<FieldError> errors) {
        Map<String, Object> computed = rules().compute(form, Collections.unmodifiableMap(values), old, actor);
        computed.forEach((fieldId, raw) -> form.field(fieldId)
                .filter(RecordTable::holdsValue)
                .ifPresent(f -> values.put(fieldId, convertOrCollect(f, raw, errors))));
    }

    /**
     * All checks of a write, collected into one {@link RecordValidationException}: definition checks of the
     * {@code touched} fields, required of all fields, uniqueness, existing users and references, then the rules.
     */
    private void validate(Actor actor, RecordTable table, Map<String, Object> values, Set<String> touched,
                          Optional<Record> old, List<FieldError> errors) {
        FormDefinition form = table.form;
        Set<String> alreadyWrong = new LinkedHashSet<>();
        errors.forEach(e -> alreadyWrong.add(e.fieldId()));
        for (FieldDefinition f : form.fields()) {
            if (!RecordTable.holdsValue(f) || alreadyWrong.contains(f.id())) {
                continue;
            }
            Object value = values.get(f.id());
            if (touched.contains(f.id()) || old.isEmpty()) {
                errors.addAll(fieldValues.check(f, value));
            } else if (f.required() && FieldValues.isEmpty(value)) {
                errors.addAll(fieldValues.check(f, value));
            }
            if (!f.required() && f.requiredWhen() != null && FieldValues.isEmpty(value)
                    && rules().isRequired(form, f, Collections.unmodifiableMap(values), actor)) {
                errors.add(FieldValues.error(f, "required", "“%s”必须填写", "“%s” is required"));
            }
            if (!touched.contains(f.id()) || value == null) {
                continue;
            }
            if (f.unique() && RecordTable.hasColumn(f) && !FieldValues.isEmpty(value)
                    && taken(table, f, value, old.map(Record::id).orElse(null))) {
                errors.add(FieldValues.error(f, "unique", "“%s”的值已被其他记录使用",
                        "Another record already has this “%s”"));
            }
            if (f.storedType() == FieldType.USER && !users.exists((Long) value)) {
                errors.add(FieldValues.error(f, "user_missing", "“%s”指向的用户不存在", "“%s” names no existing user"));
            }
            if (f.storedType() == FieldType.REFERENCE && !referenceVisible(f, (Long) value, actor)) {
                errors.add(FieldValues.error(f, "reference_missing", "“%s”指向的记录不存在",
                        "“%s” points at no existing record"));
            }
        }
        if (errors.isEmpty()) {
            errors.addAll(rules().validate(form, Collections.unmodifiableMap(values), old, actor));
        }
        if (!errors.isEmpty()) {
            throw new RecordValidationException(errors);
        }
    }

    private boolean taken(RecordTable table, FieldDefinition f, Object value, Long self) {
        Object stored = value instanceof Money m ? m.amount() : value;
        Field<Object> column = table.column(f);
        return dsl.fetchExists(selectOne().from(table.table)
                .where(column.eq(DSL.val(stored, column)))
                .and(table.deletedAt.isNull())
                .and(self == null ? noCondition() : table.id.ne(self)));
    }

    /** Whether the referenced record exists and the actor may see it (nobody links to what they cannot see). */
    private boolean referenceVisible(FieldDefinition f, Long id, Actor actor) {
        Optional<FormDefinition> target = f.form() == null ? Optional.empty()
                : catalog.published(f.form());
        if (target.isEmpty()) {
            return false;
        }
        RecordTable targetTable = new RecordTable(target.get());
        return dsl.fetchExists(selectOne().from(targetTable.table)
                .where(targetTable.id.eq(id)).and(targetTable.deletedAt.isNull())
                .and(visibility.of(targetTable, actor)));
    }

    /** Whether the form's owner is a user field (an owner STAFF must be, and becomes when it is left empty). */
    private static boolean ownedByUser(FormDefinition form) {
        return form.ownerField() != null && form.field(form.ownerField())
                .map(f -> f.storedType() == FieldType.USER).orElse(false);
    }

    private void guard(RecordChange change) {
        for (RecordGuard g : guards.orderedStream().toList()) {
            Optional<LocalizedText> refusal = g.check(change);
            if (refusal.isPresent()) {
                throw new RecordRefusedException(refusal.get());
            }
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
        Condition where = table.id.eq(id).and(visibility.of(table, actor))
                .and(includeDeleted ? noCondition() : table.deletedAt.isNull());
        return new RecordReader(dsl, table).fetch(where, List.of(table.id.asc()), 0, 1).stream().findFirst()
                .orElseThrow(() -> new RecordNotFoundException(table.form.id(), id));
    }

    private void requireVisible(FormDefinition form, long id, Actor actor) {
        RecordTable table = new RecordTable(form);
        if (!dsl.fetchExists(selectOne().from(table.table).where(table.id.eq(id))
                .and(table.deletedAt.isNull()).and(visibility.of(table, actor)))) {
            throw new RecordNotFoundException(form.id(), id);
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
        Optional<AuditEntry> last = audit.latest(table.form.id(), id);
        return new RecordConflictException(table.form.id(), id, expectedVersion, current,
                last.map(AuditEntry::changedBy).orElse(null), last.map(AuditEntry::changedByName).orElse(""),
                last.map(AuditEntry::changedAt).orElse(null));
    }

    private FieldDefinition subtableField(FormDefinition form, String fieldId) {
        return form.field(fieldId).filter(f -> f.type() == FieldType.SUBTABLE && f.form() != null)
                .orElseThrow(() -> new IllegalArgumentException("Form " + form.id() + " has no subtable field "
                        + fieldId));
    }

    private FormDefinition form(String formId) {
        return catalog.published(formId).orElseThrow(() -> new IllegalArgumentException(
                "No published form " + formId));
    }

    private RecordRules rules() {
        return rules.getIfUnique(() -> RecordRules.NONE);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
