package io.kehu.platform.records;

import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.security.Actor;
import java.util.ArrayList;
import java.util.HashSet;
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

    BatchWriter(RecordServices services, Actor actor, LongConsumer progress, BooleanSupplier cancelled) {
        this.services = services;
        this.checks = new WriteChecks(services, actor);
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
        RecordTable table = services.table(form);
        ChunkStore store = new ChunkStore(services, table, actor, RecordServices.now(), writtenSoFar);
        List<RecordGuard> guards = services.guardsWatching(form);
        List<PreparedWrite> writes = create ? prepareCreates(form, chunk)
                : prepareUpdates(form, store, chunk, !guards.isEmpty());
        checks.check(table, writes, guards, writtenSoFar, true);
        if (create) {
            created += store.insert(writes);
        } else {
            int[] counts = store.update(writes);
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

    // ------------------------------------------------------------------ per-record half of the checks

    private List<PreparedWrite> prepareCreates(FormDefinition form, List<Op> chunk) {
        List<PreparedWrite> out = new ArrayList<>(chunk.size());
        for (Op op : chunk) {
            out.add(checks.prepareCreate(form, op.values()));
        }
        return out;
    }

    private List<PreparedWrite> prepareUpdates(FormDefinition form, ChunkStore store, List<Op> chunk,
                                               boolean withMetadata) {
        Set<Long> ids = new HashSet<>();
        for (Op op : chunk) {
            if (!ids.add(op.id())) {
                throw new IllegalArgumentException("Record " + form.id() + "/" + op.id()
                        + " is updated twice in one chunk of a bulk write; merge the changes");
            }
        }
        Map<Long, Record> old = store.load(ids, withMetadata);
        List<PreparedWrite> out = new ArrayList<>(chunk.size());
        for (Op op : chunk) {
            Record before = old.get(op.id());
            if (before == null) {
                throw new RecordNotFoundException(form.id(), op.id());
            }
            if (before.rowVersion() != op.rowVersion()) {
                throw store.conflict(op.id(), op.rowVersion());
            }
            out.add(checks.prepareUpdate(form, before, op.rowVersion(), op.values()));
        }
        return out;
    }
}
