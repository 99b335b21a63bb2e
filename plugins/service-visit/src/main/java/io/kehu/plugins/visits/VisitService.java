package io.kehu.plugins.visits;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.PluginRecords;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the visitor does with a visit, as the signed-in user (their permissions, their name in the audit trail):
 * confirm, check in, answer a checklist line (each answer is saved at once), sign off. The rules themselves are
 * {@link VisitRules}'s, so the record view and REST obey the same ones.
 */
final class VisitService {

    static final int SIGNATURE_MAX = 10000;

    private final PluginRecords records;

    VisitService(PluginContext context) {
        this.records = context.recordsOfCurrentUser();
    }

    RecordData visit(long id) {
        return records.get(VisitForms.VISIT, id)
                .orElseThrow(() -> new RecordException(RecordException.Reason.NOT_FOUND, "No visit " + id));
    }

    RecordData move(RecordData visit, VisitStatus to) {
        Map<String, Object> changes = new HashMap<>();
        changes.put("status", to.code());
        if (to == VisitStatus.ON_SITE) {
            changes.put("checked_in_at", OffsetDateTime.now());
        }
        return records.update(VisitForms.VISIT, visit.id(), visit.rowVersion(), changes);
    }

    /** The visit's checklist: the work list, then the closing list, each in order. */
    List<RecordData> checks(long visitId) {
        return records.search(VisitForms.CHECK).where("visit", FilterOperator.EQUALS, visitId).limit(1000).list()
                .stream()
                .sorted(Comparator.comparing((RecordData c) -> "closing".equals(c.get("list_kind")))
                        .thenComparingLong(c -> VisitCatalog.number(c.get("position"))).thenComparingLong(RecordData::id))
                .toList();
    }

    /** Saves one answer (result and note) of a line read at its row version; returns the line as saved. */
    RecordData answer(RecordData check, String result, String note) {
        Map<String, Object> changes = new HashMap<>();
        changes.put("result", result);
        changes.put("note", note == null || note.isBlank() ? null : note.strip());
        changes.put("answered_at", OffsetDateTime.now());
        return records.update(VisitForms.CHECK, check.id(), check.rowVersion(), changes);
    }

    /** The customer signs: name, time and strokes are stored with the visit, which is then signed off. */
    RecordData signOff(RecordData visit, String signer, String strokes) {
        Map<String, Object> changes = new HashMap<>();
        changes.put("status", VisitStatus.SIGNED_OFF.code());
        changes.put("signer_name", signer == null ? null : signer.strip());
        String path = Strokes.fit(strokes, SIGNATURE_MAX);
        changes.put("signature", path.isEmpty() ? null : path);
        OffsetDateTime now = OffsetDateTime.now();
        changes.put("signed_at", now);
        changes.put("checked_out_at", now);
        return records.update(VisitForms.VISIT, visit.id(), visit.rowVersion(), changes);
    }
}
