package io.kehu.platform.records;

import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.security.Actor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * One bulk write in progress ({@link BulkRecords#batch}): queues creates and updates per form and writes them a
 * chunk at a time, inside the caller's single transaction. Each chunk goes through {@link WriteChecks}, the checks
 * of every write (a single write is a chunk of one); the look-ups they need (references, users, uniqueness) and the
 * writes themselves ({@link ChunkStore}) are done per chunk, so a million writes cost a few hundred statements.
 */
final class BatchWriter implements BulkRecords.Batch {

    static final int CHUNK = 5000;

    private final RecordServices services;
    private final WriteChecks checks;
    private final Actor actor;
    private final LongConsumer progress;
    private final BooleanSupplier cancelled;
    private final BulkRecords.Options options;
    private final Map<String, List<Op>> updates = new LinkedHashMap<>();
    private final Map<String, List<Op>> creates = new LinkedHashMap<>();
    private final WrittenRecords writtenSoFar = new WrittenRecords();
    private long queued;
    private long written;
    private long created;
    private long updated;
    private long unchanged;

    /** A queued write; {@code id} and {@code rowVersion} only for updates; {@code tag} the caller's, or null. */
    record Op(long id, int rowVersion, Map<String, ?> values, Object tag) {
    }

    BatchWriter(RecordServices services, Actor actor, BulkRecords.Options options) {
        this.services = services;
        this.checks = new WriteChecks(services, actor, options.uniqueByIndex());
        this.actor = actor;
        this.options = options;
        this.progress = options.progress() == null ? n -> { } : options.progress();
        this.cancelled = options.cancelled() == null ? () -> false : options.cancelled();
    }

    @Override
    public void create(String formId, Map<String, ?> values) {
        create(formId, values, null);
    }

    @Override
    public void update(String formId, long id, int rowVersion, Map<String, ?> changes) {
        update(formId, id, rowVersion, changes, null);
    }

    @Override
    public void create(String formId, Map<String, ?> values, Object tag) {
        queue(creates, formId, new Op(0, 0, nonNullKeys(values), tag), true);
    }

    @Override
    public void update(String formId, long id, int rowVersion, Map<String, ?> changes, Object tag) {
        queue(updates, formId, new Op(id, rowVersion, nonNullKeys(changes), tag), false);
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
        RecordTable table = services.table(form);
        ChunkStore store = new ChunkStore(services, table, actor, RecordServices.now(), writtenSoFar,
                options.origin());
        List<RecordGuard> guards = services.guardsWatching(form);
        Map<PreparedWrite, Object> tags = new IdentityHashMap<>();
        List<PreparedWrite> writes = create ? prepareCreates(form, chunk, tags)
                : prepareUpdates(form, store, chunk, !guards.isEmpty(), tags);
        writes = checks.check(table, writes, guards, writtenSoFar, true,
                options.skipRefused() ? w -> refuse(tags.get(w), w.errors()) : null);
        if (create) {
            long[] ids = store.insert(writes);
            created += ids.length;
            for (int i = 0; i < ids.length; i++) {
                tell(tags.get(writes.get(i)), form.id(), ids[i], 0, true, true);
            }
        } else {
            int[] counts = store.update(writes);
            updated += counts[0];
            unchanged += counts[1];
            for (PreparedWrite w : writes) {
                boolean changed = !w.changed().isEmpty();
                tell(tags.get(w), form.id(), w.id(), changed ? w.rowVersion() + 1 : w.rowVersion(), false, changed);
            }
        }
        written += chunk.size();
        progress.accept(written);
    }

    private void tell(Object tag, String formId, long id, int rowVersion, boolean isCreate, boolean changed) {
        if (tag != null && options.listener() != null) {
            options.listener().written(tag, formId, id, rowVersion, isCreate, changed);
        }
    }

    /** A write refused before or during the checks: reported when skipping, else the batch fails. */
    private void refuse(Object tag, List<FieldError> problems) {
        if (options.listener() != null) {
            options.listener().refused(tag, List.copyOf(problems));
        }
    }

    /** Runs one per-record step; a refusal of the record is reported (skipping) or rethrown. */
    private PreparedWrite prepared(Op op, java.util.function.Supplier<PreparedWrite> step) {
        try {
            return step.get();
        } catch (RecordAccessDeniedException e) {
            if (!options.skipRefused()) {
                throw e;
            }
            refuse(op.tag(), List.of(new FieldError(e.fieldId(), "access", e.text())));
        } catch (RecordNotFoundException | RecordConflictException e) {
            if (!options.skipRefused()) {
                throw e;
            }
            refuse(op.tag(), List.of(new FieldError(null, e instanceof RecordNotFoundException ? "not_found"
                    : "conflict", io.kehu.platform.forms.LocalizedText.of("记录不存在或已被他人修改：" + op.id(),
                    "The record does not exist or was changed by someone else: " + op.id()))));
        }
        return null;
    }

    private void checkCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new BatchCancelledException(written);
        }
    }

    // ------------------------------------------------------------------ per-record half of the checks

    private List<PreparedWrite> prepareCreates(FormDefinition form, List<Op> chunk, Map<PreparedWrite, Object> tags) {
        List<PreparedWrite> out = new ArrayList<>(chunk.size());
        for (Op op : chunk) {
            PreparedWrite w = prepared(op, () -> checks.prepareCreate(form, op.values()));
            if (w != null) {
                tags.put(w, op.tag());
                out.add(w);
            }
        }
        return out;
    }

    private List<PreparedWrite> prepareUpdates(FormDefinition form, ChunkStore store, List<Op> chunk,
                                               boolean withMetadata, Map<PreparedWrite, Object> tags) {
        Set<Long> ids = new HashSet<>();
        List<Op> once = new ArrayList<>(chunk.size());
        for (Op op : chunk) {
            if (ids.add(op.id())) {
                once.add(op);
            } else if (options.skipRefused()) {
                refuse(op.tag(), List.of(new FieldError(null, "twice", io.kehu.platform.forms.LocalizedText.of(
                        "同一条记录在本次写入中被修改了两次", "The same record is changed twice in this write"))));
            } else {
                throw new IllegalArgumentException("Record " + form.id() + "/" + op.id()
                        + " is updated twice in one chunk of a bulk write; merge the changes");
            }
        }
        Map<Long, Record> old = store.load(ids, withMetadata);
        List<PreparedWrite> out = new ArrayList<>(once.size());
        for (Op op : once) {
            PreparedWrite w = prepared(op, () -> {
                Record before = old.get(op.id());
                if (before == null) {
                    throw new RecordNotFoundException(form.id(), op.id());
                }
                if (before.rowVersion() != op.rowVersion()) {
                    throw store.conflict(op.id(), op.rowVersion());
                }
                return checks.prepareUpdate(form, before, op.rowVersion(), op.values());
            });
            if (w != null) {
                tags.put(w, op.tag());
                out.add(w);
            }
        }
        return out;
    }
}
