package io.kehu.platform.records;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.security.Actor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * THE checks of every write, single ({@link Records}) or bulk ({@link BatchWriter}): a single write is a batch of one.
 * Whatever a rule, permission or definition check decides is decided here once, so the two paths cannot drift apart.
 *
 * <p>Two halves. {@link #prepareCreate}/{@link #prepareUpdate} work on one record without the database: conversion,
 * field permissions (refused at once with {@link RecordAccessDeniedException}), defaults, ownership, computed fields,
 * what changes. {@link #check} then works on the whole batch: definition checks, required and conditional required,
 * then what needs the database — references, users, uniqueness within the batch and against the table — with one
 * look-up per field for the batch, then the form's rules for records without other problems, then the guards. The
 * first record with problems is refused with all of its problems at once.
 */
final class WriteChecks {

    private static final int LOOKUP_PART = 5_000;

    private final RecordServices services;
    private final Actor actor;
    private final RecordRules rules;
    /** Unique values are not looked up in the table: the unique index refuses a taken one at the insert. */
    private final boolean uniqueByIndex;

    WriteChecks(RecordServices services, Actor actor) {
        this(services, actor, false);
    }

    WriteChecks(RecordServices services, Actor actor, boolean uniqueByIndex) {
        this.services = services;
        this.actor = actor;
        this.rules = services.rules();
        this.uniqueByIndex = uniqueByIndex;
    }

    // ------------------------------------------------------------------ per record

    /** A create of {@code raw} (field id → typed value or text); absent fields get their default. */
    PreparedWrite prepareCreate(FormDefinition form, Map<String, ?> raw) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> given = convert(form, raw, null, errors);
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
            if (values.get(form.ownerField()) == null) {
                values.put(form.ownerField(), actor.userId());
            }
            RecordAccess.requireOwnership(form, actor, values.get(form.ownerField()));
        }
        compute(form, values, Optional.empty(), errors);
        Set<String> filled = new LinkedHashSet<>();
        values.forEach((fieldId, value) -> {
            if (!FieldValues.isEmpty(value)) {
                filled.add(fieldId);
            }
        });
        return new PreparedWrite(0, 0, values, null, filled, errors);
    }

    /** An update of {@code old} (read at {@code rowVersion}) by {@code raw}, the fields that change. */
    PreparedWrite prepareUpdate(FormDefinition form, Record old, int rowVersion, Map<String, ?> raw) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> given = convert(form, raw, old, errors);
        Map<String, Object> values = new LinkedHashMap<>(old.values().asMap());
        values.putAll(given);
        if (ownedByUser(form) && given.containsKey(form.ownerField())) {
            RecordAccess.requireOwnership(form, actor, values.get(form.ownerField()));
        }
        compute(form, values, Optional.of(old), errors);
        Set<String> changed = new LinkedHashSet<>();
        for (FieldDefinition f : form.fields()) {
            if (RecordTable.holdsValue(f) && !Objects.equals(old.get(f.id()), values.get(f.id()))) {
                changed.add(f.id());
            }
        }
        return new PreparedWrite(old.id(), rowVersion, values, old, changed, errors);
    }

    /**
     * Converts the values a caller gave, refusing fields the actor may not write. For updates ({@code old} given) a
     * readable field sent back unchanged is not a write; a field the actor may not even read always is.
     */
    private Map<String, Object> convert(FormDefinition form, Map<String, ?> raw, Record old,
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
        FieldValues.Converted converted = services.fieldValues().convert(f, raw);
        if (!converted.ok()) {
            errors.add(converted.error());
        }
        return converted.value();
    }

    /** Lets the form's rules fill computed fields; their values are converted like any other. */
    private void compute(FormDefinition form, Map<String, Object> values, Optional<Record> old,
                         List<FieldError> errors) {
        Map<String, Object> computed = rules.compute(form, Collections.unmodifiableMap(values), old, actor);
        computed.forEach((fieldId, raw) -> form.field(fieldId)
                .filter(RecordTable::holdsValue)
                .ifPresent(f -> values.put(fieldId, convertOrCollect(f, raw, errors))));
    }

    // ------------------------------------------------------------------ per batch

    /**
     * Checks the prepared writes of one form together and refuses the first wrong one with all of its problems
     * ({@code nameRecords}: each message says which record, as a bulk write needs). Then asks {@code guards}.
     *
     * @param written records the surrounding bulk write already wrote (references to them need no look-up)
     */
    void check(RecordTable table, List<PreparedWrite> writes, List<RecordGuard> guards, WrittenRecords written,
               boolean nameRecords) {
        check(table, writes, guards, written, nameRecords, null);
    }

    /**
     * As {@link #check(RecordTable, List, List, WrittenRecords, boolean)}, but with {@code refused} given a wrong
     * write is handed to it with all of its problems instead of failing the batch, and left out of the result: what
     * an import that skips bad rows (or a dry run that lists every problem) needs. The checks are the same.
     *
     * @return the writes that passed, in their order
     */
    List<PreparedWrite> check(RecordTable table, List<PreparedWrite> writes, List<RecordGuard> guards,
                              WrittenRecords written, boolean nameRecords, java.util.function.Consumer<PreparedWrite> refused) {
        FormDefinition form = table.form;
        List<PreparedWrite> checked = writes.stream().filter(w -> !w.isNoOp()).toList();
        for (PreparedWrite w : checked) {
            checkDefinition(form, w);
        }
        checkAgainstDatabase(table, checked, written);
        for (PreparedWrite w : checked) {
            if (w.errors().isEmpty()) {
                w.errors().addAll(rules.validate(form, Collections.unmodifiableMap(w.values()),
                        Optional.ofNullable(w.old()), actor));
            }
            if (!w.errors().isEmpty() && refused == null) {
                throw nameRecords ? invalid(form, w) : new RecordValidationException(w.errors());
            }
        }
        Set<PreparedWrite> wrong = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (PreparedWrite w : checked) {
            if (!w.errors().isEmpty()) {
                wrong.add(w);
                refused.accept(w);
            }
        }
        if (!guards.isEmpty()) {
            for (PreparedWrite w : checked) {
                if (wrong.contains(w)) {
                    continue;
                }
                try {
                    RecordServices.guard(guards, new RecordChange(form,
                            w.isCreate() ? AuditAction.CREATE : AuditAction.UPDATE, w.isCreate() ? null : w.id(),
                            w.values(), Optional.ofNullable(w.old()), actor, w.changed()));
                } catch (RecordRefusedException e) {
                    if (refused == null) {
                        throw e;
                    }
                    w.errors().add(new FieldError(null, "refused", e.text()));
                    wrong.add(w);
                    refused.accept(w);
                }
            }
        }
        return wrong.isEmpty() ? writes : writes.stream().filter(w -> !wrong.contains(w)).toList();
    }

    /** Definition checks of the changed fields (all on create), required of all, conditional required. */
    private void checkDefinition(FormDefinition form, PreparedWrite w) {
        Set<String> alreadyWrong = wrongFields(w);
        Map<String, Object> values = Collections.unmodifiableMap(w.values());
        for (FieldDefinition f : form.fields()) {
            if (!RecordTable.holdsValue(f) || alreadyWrong.contains(f.id())) {
                continue;
            }
            Object value = values.get(f.id());
            if (w.changed().contains(f.id()) || w.isCreate() || f.required() && FieldValues.isEmpty(value)) {
                w.errors().addAll(services.fieldValues().check(f, value));
            }
            if (!f.required() && f.requiredWhen() != null && FieldValues.isEmpty(value)
                    && rules.isRequired(form, f, values, actor)) {
                w.errors().add(FieldValues.error(f, "required", "“%s”必须填写", "“%s” is required"));
            }
        }
    }

    /**
     * References must point at records the actor may see, users must exist, unique values must be free in the table
     * and within the batch. One look-up per field for the whole batch.
     */
    private void checkAgainstDatabase(RecordTable table, List<PreparedWrite> writes, WrittenRecords written) {
        if (writes.isEmpty()) {
            return;
        }
        // by identity: a PreparedWrite is a record whose hash covers its error list, which grows below (a duplicate
        // value found for one field made the look-up of every later field fail)
        Map<PreparedWrite, Set<String>> wrong = new java.util.IdentityHashMap<>();
        writes.forEach(w -> wrong.put(w, wrongFields(w)));
        for (FieldDefinition f : table.form.fields()) {
            boolean lookedUp = f.storedType() == FieldType.REFERENCE || f.storedType() == FieldType.USER
                    || f.unique() && RecordTable.hasColumn(f);
            if (!lookedUp) {
                continue;
            }
            Map<Object, List<PreparedWrite>> wanted = new LinkedHashMap<>();
            for (PreparedWrite w : writes) {
                Object value = w.values().get(f.id());
                if (w.changed().contains(f.id()) && !FieldValues.isEmpty(value) && !wrong.get(w).contains(f.id())) {
                    wanted.computeIfAbsent(value, k -> new ArrayList<>()).add(w);
                }
            }
            if (wanted.isEmpty()) {
                continue;
            }
            if (f.storedType() == FieldType.REFERENCE) {
                Set<Object> found = visibleReferences(f, wanted.keySet(), written);
                wanted.forEach((value, ws) -> {
                    if (!found.contains(value)) {
                        ws.forEach(w -> w.errors().add(FieldValues.error(f, "reference_missing",
                                "“%s”指向的记录不存在", "“%s” points at no existing record")));
                    }
                });
            } else if (f.storedType() == FieldType.USER) {
                wanted.forEach((value, ws) -> {
                    if (!services.users().exists((Long) value)) {
                        ws.forEach(w -> w.errors().add(FieldValues.error(f, "user_missing",
                                "“%s”指向的用户不存在", "“%s” names no existing user")));
                    }
                });
            } else {
                checkUnique(table, f, wanted);
            }
        }
    }

    private Set<Object> visibleReferences(FieldDefinition f, Set<Object> ids, WrittenRecords written) {
        Optional<FormDefinition> target = f.form() == null ? Optional.empty() : services.catalog().published(f.form());
        if (target.isEmpty()) {
            return Set.of();
        }
        RecordTable t = new RecordTable(target.get());
        Set<Object> found = new HashSet<>();
        List<Long> lookUp = new ArrayList<>(ids.size());
        for (Object id : ids) {
            // Only an actor who sees every live record: for others, visibility may hang on the written values.
            if (!actor.limitedToOwnRecords() && written.contains(t.form.id(), (Long) id)) {
                found.add(id);
            } else {
                lookUp.add((Long) id);
            }
        }
        for (int from = 0; from < lookUp.size(); from += LOOKUP_PART) {
            List<Long> part = lookUp.subList(from, Math.min(lookUp.size(), from + LOOKUP_PART));
            found.addAll(services.dsl().select(t.id).from(t.table).where(idIn(t, part)).and(t.deletedAt.isNull())
                    .and(services.visibility().of(t, actor)).fetch(t.id));
        }
        return found;
    }

    /** The first write of a value keeps it; later ones in the batch, and any a live other record holds, are refused. */
    private void checkUnique(RecordTable table, FieldDefinition f, Map<Object, List<PreparedWrite>> wanted) {
        Field<Object> column = table.column(f);
        Map<Object, List<PreparedWrite>> byStored = new LinkedHashMap<>();
        wanted.forEach((value, ws) -> byStored.computeIfAbsent(value instanceof Money m ? m.amount() : value,
                k -> new ArrayList<>()).addAll(ws));
        Map<Object, Set<Long>> holders = new HashMap<>();
        List<Object> stored = uniqueByIndex ? List.of() : new ArrayList<>(byStored.keySet());
        for (int from = 0; from < stored.size(); from += LOOKUP_PART) {
            List<Object> part = stored.subList(from, Math.min(stored.size(), from + LOOKUP_PART));
            services.dsl().select(table.id, column).from(table.table).where(valueIn(column, part))
                    .and(table.deletedAt.isNull())
                    .forEach(r -> holders.computeIfAbsent(normal(r.value2()), k -> new HashSet<>()).add(r.value1()));
        }
        byStored.forEach((value, ws) -> {
            Set<Long> heldBy = holders.getOrDefault(normal(value), Set.of());
            for (int i = 0; i < ws.size(); i++) {
                PreparedWrite w = ws.get(i);
                boolean takenInTable = heldBy.stream().anyMatch(id -> id != w.id());
                if (i > 0 || takenInTable) {
                    w.errors().add(FieldValues.error(f, "unique", "“%s”的值已被其他记录使用",
                            "Another record already has this “%s”"));
                }
            }
        });
    }

    /** The value as compared: numbers read back with another scale or type, times with another offset, are equal. */
    private static Object normal(Object value) {
        return switch (value) {
            case Number n -> new java.math.BigDecimal(n.toString()).stripTrailingZeros();
            case java.time.OffsetDateTime t -> t.toInstant();
            default -> value;
        };
    }

    /**
     * {@code column IN (values)}; on PostgreSQL {@code column IN (SELECT unnest(?))} with one array bind, so a
     * chunk's look-up is not thousands of binds to render, send and parse. Not {@code column = any(?)}: when the
     * table grew inside this transaction (a bulk write's earlier chunks) its statistics still say it is empty, the
     * planner then scans it and tests every row against the whole array — a 5,000-value check over 140,000 rows of
     * the loyalty ledger's first slice took 15–46 s per chunk. As a semi-join the same mistake costs one hash join
     * (rows + values), and with fresh statistics it stays an index look-up per value.
     */
    private org.jooq.Condition valueIn(Field<Object> column, List<Object> values) {
        if (services.dsl().dialect().family() != SQLDialect.POSTGRES || values.size() < 2) {
            return column.in(values.stream().<Field<Object>>map(v -> DSL.val(v, column)).toList());
        }
        org.jooq.DataType<Object> type = column.getDataType();
        Object[] array = (Object[]) java.lang.reflect.Array.newInstance(type.getType(), values.size());
        for (int i = 0; i < array.length; i++) {
            array[i] = type.convert(values.get(i));
        }
        return column.in(DSL.select(DSL.field(DSL.name("u", "v"), type))
                .from(DSL.unnest(DSL.val(array, type.getArrayDataType())).as("u", "v")));
    }

    /** {@code id IN (ids)}; on PostgreSQL a semi-join on one array bind, for the reason {@link #valueIn} gives. */
    private org.jooq.Condition idIn(RecordTable t, Collection<Long> ids) {
        return services.dsl().dialect().family() == SQLDialect.POSTGRES
                ? t.id.in(DSL.select(DSL.field(DSL.name("u", "v"), SQLDataType.BIGINT))
                        .from(DSL.unnest(DSL.val(ids.toArray(Long[]::new), SQLDataType.BIGINT.getArrayDataType()))
                                .as("u", "v")))
                : t.id.in(ids);
    }

    private static Set<String> wrongFields(PreparedWrite w) {
        Set<String> wrong = new HashSet<>();
        w.errors().forEach(e -> wrong.add(e.fieldId()));
        return wrong;
    }

    /** A bulk write's refusal: each message names the form and which record ({@code new} for a create). */
    static RecordValidationException invalid(FormDefinition form, PreparedWrite w) {
        String which = w.isCreate() ? "new" : Long.toString(w.id());
        return new RecordValidationException(w.errors().stream().map(e -> new FieldError(e.fieldId(), e.code(),
                LocalizedText.of(form.id() + "/" + which + "：" + e.message().zh(),
                        form.id() + "/" + which + ": " + e.message().en()))).toList());
    }

    /** Whether the form's owner is a user field (an owner STAFF must be, and becomes when it is left empty). */
    static boolean ownedByUser(FormDefinition form) {
        return form.ownerField() != null && form.field(form.ownerField())
                .map(f -> f.storedType() == FieldType.USER).orElse(false);
    }
}
