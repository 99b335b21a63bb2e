package io.kehu.platform.imports.job;

import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.imports.UndoReport;
import io.kehu.platform.records.AuditAction;
import io.kehu.platform.records.BulkRecords;
import io.kehu.platform.records.FieldError;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Undoes an import in one transaction: its creates are deleted (soft, so an administrator can still restore them)
 * and its updates restored to the before-values of the audit entries written with origin {@code import:<job>}. A
 * record saved by anyone since the import (its version is no longer the one the import left) is not touched but
 * listed. The restoring updates go through the write path with origin {@code undo:<job>}.
 */
@Component
public class Undo {

    private final BulkRecords bulk;
    private final Records records;
    private final FormCatalog catalog;
    private final ImportedRows importedRows;
    private final TransactionTemplate transaction;

    Undo(BulkRecords bulk, Records records, FormCatalog catalog, ImportedRows importedRows,
         PlatformTransactionManager transactions) {
        this.bulk = bulk;
        this.records = records;
        this.catalog = catalog;
        this.importedRows = importedRows;
        this.transaction = new TransactionTemplate(transactions);
    }

    public UndoReport undo(Actor actor, long jobId) {
        Map<String, Map<String, String>> before = new HashMap<>();
        bulk.changesWithOrigin("import:" + jobId, e -> {
            if (e.action() == AuditAction.UPDATE && e.fieldId() != null) {
                // the first entry per field is the import's own change of it: its old value is the before-value
                before.computeIfAbsent(e.formId() + "/" + e.recordId(), k -> new LinkedHashMap<>())
                        .putIfAbsent(e.fieldId(), e.oldValue());
            }
        });
        List<ImportedRows.Row> rows = new ArrayList<>();
        importedRows.forEach(jobId, rows::add);
        return transaction.execute(status -> {
            List<UndoReport.LeftAlone> leftAlone = new ArrayList<>();
            long[] deleted = {0};
            Map<Long, ImportedRows.Row> restoring = new HashMap<>();
            BulkRecords.Outcome o = bulk.batch(actor, new BulkRecords.Options(null, null, false, true,
                    "undo:" + jobId, new BulkRecords.Listener() {
                        @Override
                        public void refused(Object tag, List<FieldError> problems) {
                            ImportedRows.Row r = restoring.get((Long) tag);
                            leftAlone.add(new UndoReport.LeftAlone(r.formId(), r.recordId(), title(actor, r), false));
                        }
                    }), batch -> {
                        for (ImportedRows.Row r : rows) {
                            Optional<Record> now = records.get(actor, r.formId(), r.recordId());
                            if (now.isEmpty() || now.get().rowVersion() != r.rowVersion()) {
                                leftAlone.add(new UndoReport.LeftAlone(r.formId(), r.recordId(),
                                        now.map(rec -> titleOf(rec)).orElse("#" + r.recordId()), r.created()));
                            } else if (r.created()) {
                                records.delete(actor, r.formId(), r.recordId(), r.rowVersion());
                                deleted[0]++;
                            } else {
                                Map<String, String> old = before.getOrDefault(r.formId() + "/" + r.recordId(),
                                        Map.of());
                                restoring.put(r.rowNo(), r);
                                batch.update(r.formId(), r.recordId(), r.rowVersion(), new HashMap<>(old),
                                        r.rowNo());
                            }
                        }
                    });
            return new UndoReport(deleted[0], o.updated() + o.unchanged(), List.copyOf(leftAlone));
        });
    }

    private String title(Actor actor, ImportedRows.Row r) {
        return records.get(actor, r.formId(), r.recordId()).map(this::titleOf).orElse("#" + r.recordId());
    }

    private String titleOf(Record r) {
        FormDefinition form = catalog.published(r.formId()).orElse(null);
        Object title = form == null || form.titleField() == null ? null : r.get(form.titleField());
        return title == null ? "#" + r.id() : title.toString();
    }
}
