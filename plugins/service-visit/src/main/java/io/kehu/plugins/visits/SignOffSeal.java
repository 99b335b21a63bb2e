package io.kehu.plugins.visits;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordChange;
import io.kehu.sdk.records.RecordData;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a signature is bound to, whatever path signed the visit:
 * <ul>
 * <li>a visit signed off in the record view (or by import, REST) gets its content hash right after, like one signed
 * on the phone, and — either way — whether it was fixed first time ({@code first_time_fix}: every work line done or
 * not needed, not itself a follow-up), which the first-time-fix metric counts;</li>
 * <li>when the content changed after signing (e.g. the address or the hours edited in the record view), the customer
 * signs again ({@link VisitService#resign}): new signer, strokes, time and hash, the earlier signature kept in
 * {@code previous_signatures}.</li>
 * </ul>
 * {@link VisitRules} lets exactly these two changes of a signed visit's signature fields through, each only with the
 * hash the content really has.
 */
final class SignOffSeal {

    private SignOffSeal() {
    }

    /** The lines of a visit in the hash's order (work list, then closing list, each in order), read as the plugin. */
    static List<RecordData> checks(PluginContext context, long visitId) {
        return context.records().search(VisitForms.CHECK).where("visit", FilterOperator.EQUALS, visitId).limit(1000)
                .list().stream()
                .sorted(Comparator.comparing((RecordData c) -> "closing".equals(c.get("list_kind")))
                        .thenComparingLong(c -> VisitCatalog.number(c.get("position"))).thenComparingLong(RecordData::id))
                .toList();
    }

    /** After a sign-off was committed: what the visit still lacks of its hash and first-time-fix mark. */
    static Map<String, Object> missing(PluginContext context, RecordData visit) {
        Map<String, Object> changes = new HashMap<>();
        if (visit.get("content_hash") == null && visit.get("signature") != null) {
            changes.put("content_hash", VisitHash.now(context, visit, checks(context, visit.id())));
        }
        if (visit.get("first_time_fix") == null) {
            changes.put("first_time_fix", fixedFirstTime(context, visit));
        }
        return changes;
    }

    /** Every work line done or not needed, and not itself a follow-up of an earlier visit. */
    static boolean fixedFirstTime(PluginContext context, RecordData visit) {
        return !"follow_up".equals(visit.get("origin")) && VisitPlanner.openItems(context, visit.id()).isEmpty();
    }

    /** Whether the change only fills in a signed visit's missing hash with the hash its content has. */
    static boolean fillsHash(PluginContext context, RecordChange change) {
        Map<String, Object> now = change.values();
        Map<String, Object> before = change.oldValues();
        return before.get("content_hash") == null && now.get("content_hash") != null
                && same(change, "customer", "visit_type", "visitor", "signer_name", "signed_at", "signature")
                && now.get("content_hash").equals(VisitHash.now(context, asVisit(change), checks(context, change.id())));
    }

    /**
     * Whether the change is a new signature of a visit whose content changed after it was signed: same customer,
     * type and visitor, a signer and strokes, a new time, the new hash the content's with the new signature, and
     * the earlier signature added to {@code previous_signatures}.
     */
    static boolean resigns(PluginContext context, RecordChange change) {
        Map<String, Object> now = change.values();
        Map<String, Object> before = change.oldValues();
        if (before.get("content_hash") == null || now.get("content_hash") == null
                || !same(change, "customer", "visit_type", "visitor") || blank(now.get("signer_name"))
                || blank(now.get("signature")) || Objects.equals(now.get("signed_at"), before.get("signed_at"))
                || !(now.get("previous_signatures") instanceof String kept)
                || !kept.contains(before.get("content_hash").toString())
                || (before.get("previous_signatures") != null
                        && !kept.startsWith(before.get("previous_signatures").toString()))) {
            return false;
        }
        List<RecordData> lines = checks(context, change.id());
        RecordData visit = asVisit(change);
        boolean changedAfterSigning = !before.get("content_hash").equals(VisitHash.of(context, visit, lines,
                (String) before.get("signer_name"), (String) before.get("signature")));
        return changedAfterSigning && now.get("content_hash").equals(VisitHash.now(context, visit, lines));
    }

    private static RecordData asVisit(RecordChange change) {
        return new RecordData(VisitForms.VISIT, change.id(), 0, change.values());
    }

    private static boolean same(RecordChange change, String... fields) {
        for (String field : fields) {
            if (!Objects.equals(change.values().get(field), change.oldValues().get(field))) {
                return false;
            }
        }
        return true;
    }

    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }
}
