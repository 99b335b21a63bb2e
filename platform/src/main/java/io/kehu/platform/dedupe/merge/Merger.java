package io.kehu.platform.dedupe.merge;

import io.kehu.platform.dedupe.MergeUndoReport;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.records.BulkRecords;
import io.kehu.platform.records.FieldError;
import io.kehu.platform.records.FieldValues;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordAccessDeniedException;
import io.kehu.platform.records.RecordConflictException;
import io.kehu.platform.records.RecordNotFoundException;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Merges record B into record A in one transaction, every write through the one write path with audit origin
 * {@code merge:<id>}: A takes the chosen values, the records of every form whose reference field points at B
 * (interactions, purchases, feedback, returns…) are moved to A, B's subtable rows (contact persons) are copied under A
 * and deleted from B, B is soft-deleted. Unique values A takes from B are
 * first cleared on B (unique indexes cover deleted rows too). The log keeps the before-values and versions; the undo
 * puts back what nobody changed since and lists the rest.
 */
@Component
public class Merger {

    private final Records records;
    private final BulkRecords bulk;
    private final FormCatalog catalog;
    private final MergeLog log;
    private final TransactionTemplate transaction;

    Merger(Records records, BulkRecords bulk, FormCatalog catalog, MergeLog log,
           PlatformTransactionManager transactions) {
        this.records = records;
        this.bulk = bulk;
        this.catalog = catalog;
        this.log = log;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Only managers and administrators merge: a merge touches other people's related records. */
    public static void requireMayMerge(Actor actor) {
        if (!actor.isSystem() && !actor.hasRole(Role.MANAGER) && !actor.hasRole(Role.ADMIN)) {
            throw new RecordAccessDeniedException(null, LocalizedText.of("只有经理和管理员可以合并记录",
                    "Only managers and administrators may merge records"));
        }
    }

    /** Returns the merge's id. {@code chosen}: field → the value the survivor keeps (absent: its own). */
    public long merge(Actor actor, String formId, long survivorId, long mergedId, Map<String, ?> chosen) {
        requireMayMerge(actor);
        if (survivorId == mergedId) {
            throw new IllegalArgumentException("A record cannot be merged into itself");
        }
        FormDefinition form = form(formId);
        return transaction.execute(status -> {
            Record survivor = records.get(actor, formId, survivorId)
                    .orElseThrow(() -> new RecordNotFoundException(formId, survivorId));
            Record merged = records.get(actor, formId, mergedId)
                    .orElseThrow(() -> new RecordNotFoundException(formId, mergedId));
            Map<String, Object> changes = new LinkedHashMap<>();
            Map<String, String> survivorBefore = new LinkedHashMap<>();
            chosen.forEach((f, v) -> {
                if (!Objects.equals(FieldValues.toText(v), FieldValues.toText(survivor.get(f)))) {
                    changes.put(f, v);
                    survivorBefore.put(f, FieldValues.toText(survivor.get(f)));
                }
            });
            Map<String, Object> freed = new LinkedHashMap<>();
            Map<String, String> mergedBefore = new LinkedHashMap<>();
            for (String f : changes.keySet()) {
                boolean unique = form.field(f).map(FieldDefinition::unique).orElse(false);
                if (unique && merged.get(f) != null) {
                    freed.put(f, null);
                    mergedBefore.put(f, FieldValues.toText(merged.get(f)));
                }
            }
            long id = log.start(formId, survivorId, mergedId, actor);
            String origin = "merge:" + id;
            Versions versions = new Versions();
            int mergedVersion = merged.rowVersion();
            if (!freed.isEmpty()) {
                bulk.batch(actor, options(origin, versions), b -> b.update(formId, mergedId, merged.rowVersion(),
                        freed, "merged"));
                mergedVersion = versions.of("merged");
            }
            List<MergeLog.Moved> moved = new ArrayList<>();
            List<Record> related = related(actor, formId, mergedId);
            bulk.batch(actor, options(origin, versions), b -> {
                if (!changes.isEmpty()) {
                    b.update(formId, survivorId, survivor.rowVersion(), changes, "survivor");
                }
                for (int i = 0; i < related.size(); i++) {
                    Record r = related.get(i);
                    b.update(r.formId(), r.id(), r.rowVersion(), Map.of(referenceField(r), survivorId), i);
                }
            });
            for (int i = 0; i < related.size(); i++) {
                Record r = related.get(i);
                moved.add(new MergeLog.Moved(r.formId(), r.id(), referenceField(r), versions.of(i)));
            }
            moved.addAll(moveSubtableRows(actor, form, mergedId, survivorId));
            records.delete(actor, formId, mergedId, mergedVersion);
            int survivorVersion = changes.isEmpty() ? survivor.rowVersion() : versions.of("survivor");
            log.finish(id, survivorBefore, mergedBefore, moved, survivorVersion, mergedVersion + 1);
            return id;
        });
    }

    /**
     * Undoes merge {@code mergeId}: the survivor gets its before-values back, the merged record is restored (with the
     * unique values it gave up) and the moved records point at it again — each only if nobody changed it since the
     * merge; those are listed instead.
     */
    public MergeUndoReport undo(Actor actor, long mergeId) {
        requireMayMerge(actor);
        return transaction.execute(status -> {
            MergeLog.Entry e = log.get(mergeId).orElseThrow(() -> new IllegalArgumentException(
                    "No merge " + mergeId));
            if (e.undone()) {
                throw new IllegalStateException("Merge " + mergeId + " was already undone");
            }
            String origin = "undo:merge:" + mergeId;
            List<String> leftAlone = new ArrayList<>();
            FormDefinition form = form(e.formId());
            Record survivor = records.get(actor, e.formId(), e.survivorId()).orElse(null);
            if (survivor == null || survivor.rowVersion() != e.survivorVersion()) {
                leftAlone.add(title(form, survivor, e.survivorId()));
            } else if (!e.survivorBefore().isEmpty()) {
                bulk.batch(actor, options(origin, new Versions()), b -> b.update(e.formId(), e.survivorId(),
                        survivor.rowVersion(), new HashMap<>(e.survivorBefore())));
            }
            boolean restored = false;
            try {
                // restoring is an administrator's right; the merge's undo restores what the merge deleted
                Record back = records.restore(Actor.system(origin), e.formId(), e.mergedId(), e.mergedVersion());
                restored = true;
                if (!e.mergedBefore().isEmpty()) {
                    bulk.batch(actor, options(origin, new Versions()), b -> b.update(e.formId(), e.mergedId(),
                            back.rowVersion(), new HashMap<>(e.mergedBefore())));
                }
            } catch (RecordConflictException | RecordNotFoundException changed) {
                leftAlone.add(title(form, null, e.mergedId()));
            }
            long movedBack = 0;
            if (restored) {
                for (MergeLog.Moved m : e.moved()) {
                    if (m.subtableRow()) {
                        if (moveSubtableRowBack(actor, origin, m)) {
                            movedBack++;
                        } else {
                            leftAlone.add(title(form(m.formId()), records.get(actor, m.formId(), m.id()).orElse(null),
                                    m.id()));
                        }
                        continue;
                    }
                    Record r = records.get(actor, m.formId(), m.id()).orElse(null);
                    if (r == null || r.rowVersion() != m.rowVersion()) {
                        leftAlone.add(title(form(m.formId()), r, m.id()));
                        continue;
                    }
                    bulk.batch(actor, options(origin, new Versions()), b -> b.update(m.formId(), m.id(),
                            r.rowVersion(), Map.of(m.fieldId(), e.mergedId())));
                    movedBack++;
                }
            }
            log.undone(mergeId);
            return new MergeUndoReport(restored, movedBack, List.copyOf(leftAlone));
        });
    }

    /**
     * Gives the survivor the merged record's subtable rows (contact persons…): a row's parent cannot change, so each is
     * copied under the survivor with its values (what a user may write of it) and the original deleted with the
     * merged record; the undo deletes the copies and restores the originals.
     */
    private List<MergeLog.Moved> moveSubtableRows(Actor actor, FormDefinition form, long mergedId, long survivorId) {
        List<MergeLog.Moved> out = new ArrayList<>();
        for (FieldDefinition sub : form.fields()) {
            if (sub.type() != FieldType.SUBTABLE || sub.form() == null) {
                continue;
            }
            FormDefinition rowForm = form(sub.form());
            for (Record row : records.subtableRows(actor, form.id(), mergedId, sub.id())) {
                Map<String, Object> values = new LinkedHashMap<>();
                for (FieldDefinition f : rowForm.fields()) {
                    Object v = row.get(f.id());
                    if (v != null && f.type() != FieldType.SUBTABLE && f.type() != FieldType.COMPUTED
                            && !f.readOnly()) {
                        values.put(f.id(), v);
                    }
                }
                Record copy = records.createChild(actor, form.id(), survivorId, sub.id(), values);
                records.delete(actor, rowForm.id(), row.id(), row.rowVersion());
                out.add(new MergeLog.Moved(rowForm.id(), copy.id(), sub.id(), copy.rowVersion(), row.id(),
                        row.rowVersion() + 1));
            }
        }
        return out;
    }

    /** Deletes a subtable row's copy and restores the original, if nobody changed the copy since; else false. */
    private boolean moveSubtableRowBack(Actor actor, String origin, MergeLog.Moved m) {
        Record copy = records.get(actor, m.formId(), m.id()).orElse(null);
        if (copy == null || copy.rowVersion() != m.rowVersion()) {
            return false;
        }
        try {
            records.restore(Actor.system(origin), m.formId(), m.copyOf(), m.originalVersion());
        } catch (RecordConflictException | RecordNotFoundException changed) {
            return false;
        }
        records.delete(actor, m.formId(), m.id(), copy.rowVersion());
        return true;
    }

    /** Every live record of any form whose reference field to {@code formId} points at {@code id}. */
    private List<Record> related(Actor actor, String formId, long id) {
        List<Record> out = new ArrayList<>();
        for (FormDefinition other : catalog.allPublished()) {
            for (FieldDefinition f : other.fields()) {
                if (f.type() == FieldType.REFERENCE && formId.equals(f.form())) {
                    bulk.forEach(actor, RecordQuery.of(other.id()).where(RecordQuery.Filter.of(f.id(),
                            RecordQuery.Operator.EQUALS, id)), List.of(f.id()), r -> out.add(new Record(r.formId(),
                                    r.id(), r.rowVersion(), r.parentId(), r.values(), null, null, null, null, null,
                                    null)));
                }
            }
        }
        return out;
    }

    /** The reference field a related record was found by: the one of its form holding a value. */
    private static String referenceField(Record r) {
        return r.values().asMap().keySet().iterator().next();
    }

    private FormDefinition form(String formId) {
        return catalog.published(formId).orElseThrow(() -> new IllegalArgumentException("No published form "
                + formId));
    }

    private static String title(FormDefinition form, Record r, long id) {
        Object t = r == null || form.titleField() == null ? null : r.get(form.titleField());
        return form.label().in(java.util.Locale.CHINA) + " " + (t == null ? "#" + id : t);
    }

    private static BulkRecords.Options options(String origin, Versions versions) {
        return new BulkRecords.Options(null, null, false, false, origin, versions);
    }

    /** The row version each tagged write left. */
    private static final class Versions implements BulkRecords.Listener {

        private final Map<Object, Integer> byTag = new HashMap<>();

        @Override
        public void refused(Object tag, List<FieldError> problems) {
            // not reached: without skipRefused the batch throws the refusal itself
        }

        @Override
        public void written(Object tag, String formId, long id, int rowVersion, boolean created, boolean changed) {
            byTag.put(tag, rowVersion);
        }

        int of(Object tag) {
            return byTag.get(tag);
        }
    }
}
