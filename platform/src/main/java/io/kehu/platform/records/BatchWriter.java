package io.kehu.platform.records;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.security.Actor;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * One bulk write in progress ({@link BulkRecords#batch}): queues creates and updates per form and writes them a
 * chunk at a time, inside the caller's single transaction. Each record gets the checks of {@link Records} (conversion,
 * field permissions, computed fields, definition checks, rules, guards, optimistic locking); the checks that need
 * the database (references, users, uniqueness) and the writes themselves are done per chunk ({@link ChunkStore}),
 * so a million writes cost a few hundred statements.
 */
final class BatchWriter implements BulkRecords.Batch {

    static final int CHUNK = 5000;

    private final BulkRecords.Services services;
    private final Actor actor;
    private final LongConsumer progress;
    private final BooleanSupplier cancelled;
    private final Map<String, List<Op>> updates = new LinkedHashMap<>();
    private final Map<String, List<Op>> creates = new LinkedHashMap<>();
    private final WrittenRecords writtenSoFar = new WrittenRecords();
    private long queued;
    private long written;
    private long created;
    private long updated;
    private long unchanged;

    /** A queued write; {@code id} and {@code rowVersion} only for updates. */
    record Op(long id, int rowVersion, Map<String, ?> values) {
    }

    BatchWriter(BulkRecords.Services services, Actor actor, LongConsumer progress, BooleanSupplier cancelled) {
        this.services = services;
        this.actor = actor;
        this.progress = progress;
        this.cancelled = cancelled;
    }

    @Override
    public void create(String formId, Map<String, ?> values) {
        queue(creates, formId, new Op(0, 0, nonNullKeys(values)), true);
    }

    @Override
    public void update(String formId, long id, int rowVersion, Map<String, ?> changes) {
        queue(updates, formId, new Op(id, rowVersion, nonNullKeys(changes)), false);
    }

    /** Writes what is still queued; the caller commits. */
    BulkRecords.Outcome finish() {
        for (String formId : List.copyOf(updates.keySet())) {
            flush(updates, formId, false);
        }
        for (String formId : List.copyOf(creates.keySet())) {
            flush(creates, formId, true);
        }
        checkCancelled();
        return new BulkRecords.Outcome(created, updated, unchanged);
    }

    private static Map<String, ?> nonNullKeys(Map<String, ?> values) {
        Objects.requireNonNull(values, "values");
        return new LinkedHashMap<>(values);
    }

    private void queue(Map<String, List<Op>> queues, String formId, Op op, boolean create) {
        List<Op> queue = queues.computeIfAbsent(Objects.requireNonNull(formId, "formId"), k -> new ArrayList<>());
        queue.add(op);
        queued++;
        if (queue.size() >= CHUNK) {
            flush(queues, formId, create);
        }
    }

    private void flush(Map<String, List<Op>> queues, String formId, boolean create) {
        List<Op> chunk = queues.remove(formId);
        if (chunk == null || chunk.isEmpty()) {
            return;
        }
        checkCancelled();
        FormDefinition form = services.form(formId);
        RecordAccess.requireWrite(form, actor);
        ChunkStore store = new ChunkStore(services, new RecordTable(form), actor, now(), writtenSoFar);
        List<RecordGuard> guards = services.guardsWatching(form);
        if (create) {
            created += store.insert(prepareCreates(form, chunk, guards));
        } else {
            int[] counts = store.update(prepareUpdates(form, store, chunk, guards));
            updated += counts[0];
            unchanged += counts[1];
        }
        written += chunk.size();
        progress.accept(written);
    }

    private void checkCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new BatchCancelledException(written);
        }
    }

    // ------------------------------------------------------------------ per-record checks

    /** A checked write: the complete values after it and what changed. */
    record Prepared(long id, int rowVersion, Map<String, Object> values, Record old, Set<String> changed) {
    }

    private List<Prepared> prepareCreates(FormDefinition form, List<Op> chunk, List<RecordGuard> guards) {
        List<Prepared> out = new ArrayList<>(chunk.size());
        for (Op op : chunk) {
            List<FieldError> errors = new ArrayList<>();
            Map<String, Object> given = convert(form, op.values(), null, errors);
            Map<String, Object> values = new LinkedHashMap<>();
            for (FieldDefinition f : form.fields()) {
                if (!RecordTable.holdsValue(f)) {
                    continue;
                }
                Object value = given.get(f.id());
                if (!op.values().containsKey(f.id()) && f.defaultValue() != null) {
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
            check(form, values, filled, Optional.empty(), errors, "new");
            if (!guards.isEmpty()) {
                BulkRecords.Services.guard(guards, new RecordChange(form, AuditAction.CREATE, null, values,
                        Optional.empty(), actor));
            }
            out.add(new Prepared(0, 0, values, null, filled));
        }
        return out;
    }

    private List<Prepared> prepareUpdates(FormDefinition form, ChunkStore store, List<Op> chunk,
                                          List<RecordGuard> guards) {
        Set<Long> ids = new HashSet<>();
        for (Op op : chunk) {
            if (!ids.add(op.id())) {
                throw new IllegalArgumentException("Record " + form.id() + "/" + op.id()
                        + " is updated twice in one chunk of a bulk write; merge the changes");
            }
        }
        Map<Long, Record> old = store.load(ids, !guards.isEmpty());
        List<Prepared> out = new ArrayList<>(chunk.size());
        for (Op op : chunk) {
            Record before = old.get(op.id());
            if (before == null) {
                throw new RecordNotFoundException(form.id(), op.id());
            }
            if (before.rowVersion() != op.rowVersion()) {
                throw store.conflict(op.id(), op.rowVersion());
            }
            List<FieldError> errors = new ArrayList<>();
            Map<String, Object> given = convert(form, op.values(), before, errors);
            Map<String, Object> values = new LinkedHashMap<>(before.values().asMap());
            values.putAll(given);
            if (ownedByUser(form) && given.containsKey(form.ownerField())) {
                RecordAccess.requireOwnership(form, actor, values.get(form.ownerField()));
            }
            compute(form, values, Optional.of(before), errors);
            Set<String> changed = new LinkedHashSet<>();
            for (FieldDefinition f : form.fields()) {
                if (RecordTable.holdsValue(f) && !Objects.equals(before.get(f.id()), values.get(f.id()))) {
                    changed.add(f.id());
                }
            }
            if (!changed.isEmpty() || !errors.isEmpty()) {
                check(form, values, changed, Optional.of(before), errors, Long.toString(op.id()));
                if (!guards.isEmpty()) {
                    BulkRecords.Services.guard(guards, new RecordChange(form, AuditAction.UPDATE, op.id(), values,
                            Optional.of(before), actor));
                }
            }
            out.add(new Prepared(op.id(), op.rowVersion(), values, before, changed));
        }
        return out;
    }

    /** Converts given values, refusing fields the actor may not write (as {@link Records} does). */
    private Map<String, Object> convert(FormDefinition form, Map<String, ?> raw, Record old, List<FieldError> errors) {
        Map<String, Object> converted = new LinkedHashMap<>();
        for (var entry : raw.entrySet()) {
            Optional<FieldDefinition> field = form.field(entry.getKey());
            if (field.isEmpty() || field.get().storedType() == FieldType.SUBTABLE) {
                errors.add(new FieldError(entry.getKey(), "unknown_field", LocalizedText.of(
                        "表单 " + form.id() + " 没有可写字段“" + entry.getKey() + "”",
                        "Form " + form.id() + " has no writable field " + entry.getKey())));
                continue;
            }
            FieldDefinition f = field.get();
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

    private void compute(FormDefinition form, Map<String, Object> values, Optional<Record> old,
                         List<FieldError> errors) {
        Map<String, Object> computed = services.rules().compute(form, java.util.Collections.unmodifiableMap(values),
                old, actor);
        computed.forEach((fieldId, raw) -> form.field(fieldId)
                .filter(RecordTable::holdsValue)
                .ifPresent(f -> values.put(fieldId, convertOrCollect(f, raw, errors))));
    }

    /**
     * The per-record checks of {@link Records}: definition checks of touched fields, required of all, conditional
     * required, then the form's rules. References, users and uniqueness are checked per chunk by {@link ChunkStore}.
     */
    private void check(FormDefinition form, Map<String, Object> values, Set<String> touched, Optional<Record> old,
                       List<FieldError> errors, String which) {
        Set<String> alreadyWrong = new HashSet<>();
        errors.forEach(e -> alreadyWrong.add(e.fieldId()));
        var unmodifiable = java.util.Collections.unmodifiableMap(values);
        for (FieldDefinition f : form.fields()) {
            if (!RecordTable.holdsValue(f) || alreadyWrong.contains(f.id())) {
                continue;
            }
            Object value = values.get(f.id());
            if (touched.contains(f.id()) || old.isEmpty() || f.required() && FieldValues.isEmpty(value)) {
                errors.addAll(services.fieldValues().check(f, value));
            }
            if (!f.required() && f.requiredWhen() != null && FieldValues.isEmpty(value)
                    && services.rules().isRequired(form, f, unmodifiable, actor)) {
                errors.add(FieldValues.error(f, "required", "“%s”必须填写", "“%s” is required"));
            }
        }
        if (errors.isEmpty()) {
            errors.addAll(services.rules().validate(form, unmodifiable, old, actor));
        }
        if (!errors.isEmpty()) {
            throw ChunkStore.invalid(form, which, errors);
        }
    }

    private static boolean ownedByUser(FormDefinition form) {
        return form.ownerField() != null && form.field(form.ownerField())
                .map(f -> f.storedType() == FieldType.USER).orElse(false);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }


}
