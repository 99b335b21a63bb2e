package io.kehu.platform.records;

import io.kehu.platform.security.Actor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saves a record together with the rows of its subtables (a customer with its contact persons) in one transaction,
 * through {@link Records}' own create, update and delete, so every check, rule, audit entry and event is the same as
 * for a single write. Either all of it is written or nothing: the errors of the record and of every row are collected
 * into one {@link RowsValidationException}, and a conflict on any row undoes the rest.
 */
@Service
public class RecordWithRows {

    private final Records records;

    RecordWithRows(Records records) {
        this.records = records;
    }

    /**
     * Creates ({@code id == null}) or updates the record, then applies {@code rows} (subtable field id → row changes).
     * Rows to change or remove must be rows of this record's subtable as the actor sees it.
     *
     * @return the record as saved
     * @throws RowsValidationException when the record or a row has wrong values (nothing written)
     * @throws RecordConflictException when the record or a row was saved by someone else meanwhile
     */
    @Transactional
    public Record save(Actor actor, String formId, Long id, int rowVersion, Map<String, ?> changes,
                       Map<String, List<RowChange>> rows) {
        List<FieldError> recordErrors = new ArrayList<>();
        Record saved = null;
        try {
            if (id == null) {
                saved = records.create(actor, formId, changes);
            } else if (!changes.isEmpty()) {
                saved = records.update(actor, formId, id, rowVersion, changes);
            }
        } catch (RecordValidationException invalid) {
            if (id == null || rows.isEmpty()) {
                throw invalid;
            }
            recordErrors.addAll(invalid.errors());
        }
        long parentId = saved != null ? saved.id() : id;
        Map<String, Map<Integer, List<FieldError>>> rowErrors = new LinkedHashMap<>();
        rows.forEach((fieldId, changesOfField) -> {
            String childForm = null;
            Set<Long> existing = new HashSet<>();
            if (changesOfField.stream().anyMatch(r -> r.id() != null)) {
                for (Record row : records.subtableRows(actor, formId, parentId, fieldId)) {
                    existing.add(row.id());
                    childForm = row.formId();
                }
            }
            for (RowChange row : changesOfField) {
                if (row.id() != null && !existing.contains(row.id())) {
                    throw new RecordNotFoundException(formId + "." + fieldId, row.id());
                }
                try {
                    if (row.id() == null) {
                        records.createChild(actor, formId, parentId, fieldId, row.values());
                    } else if (row.remove()) {
                        records.delete(actor, childForm, row.id(), row.rowVersion());
                    } else if (!row.values().isEmpty()) {
                        records.update(actor, childForm, row.id(), row.rowVersion(), row.values());
                    }
                } catch (RecordValidationException invalid) {
                    rowErrors.computeIfAbsent(fieldId, f -> new LinkedHashMap<>()).put(row.index(), invalid.errors());
                }
            }
        });
        if (!recordErrors.isEmpty() || !rowErrors.isEmpty()) {
            throw new RowsValidationException(recordErrors, rowErrors);
        }
        return records.get(actor, formId, parentId).orElseThrow(() -> new RecordNotFoundException(formId, parentId));
    }
}
