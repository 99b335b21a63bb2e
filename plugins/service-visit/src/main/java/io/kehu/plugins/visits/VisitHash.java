package io.kehu.plugins.visits;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.files.FileInfo;
import io.kehu.sdk.records.RecordData;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;

/**
 * The SHA-256 a customer's signature is bound to: the visit's content at signing — who, whom, what type, when, every
 * checklist line with its answer, note and the SHA-256 of each photo, the signer and the strokes — as one canonical
 * text (one {@code key=value} line each, times as instants, so the zone of the server does not matter). Stored as
 * {@code service_visit.content_hash} with the signature; computed again when the visit is shown, a difference marks
 * the visit "changed after signing".
 */
final class VisitHash {

    private VisitHash() {
    }

    static String of(PluginContext context, RecordData visit, List<RecordData> checks, String signer,
            String signature) {
        StringBuilder text = new StringBuilder("kehu-service-visit-v1\n");
        line(text, "visit", visit.id());
        for (String field : List.of("subject", "customer", "visit_type", "visitor", "planned_start", "planned_end",
                "address", "checked_in_at")) {
            line(text, field, visit.get(field));
        }
        // parts and hours joined the content later: written only when there are some, so the hashes of visits
        // signed before stay what they were
        for (String field : List.of("parts_used", "hours_worked")) {
            if (visit.get(field) != null) {
                line(text, field, visit.get(field) instanceof java.math.BigDecimal d ? d.stripTrailingZeros()
                        .toPlainString() : visit.get(field));
            }
        }
        for (RecordData check : checks) {
            line(text, "check", check.id() + "|" + check.get("list_kind") + "|" + check.get("item") + "|"
                    + check.get("result") + "|" + (check.get("note") == null ? "" : check.get("note")));
            for (FileInfo photo : context.files().list(VisitService.photoKey(check.id()))) {
                line(text, "photo", check.id() + "|" + photo.sha256());
            }
        }
        line(text, "signer", signer);
        line(text, "signature", signature);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hash of the visit as it is now, with its stored signer and strokes. */
    static String now(PluginContext context, RecordData visit, List<RecordData> checks) {
        return of(context, visit, checks, (String) visit.get("signer_name"), (String) visit.get("signature"));
    }

    private static void line(StringBuilder text, String key, Object value) {
        Object v = value instanceof OffsetDateTime t ? t.toInstant() : value;
        // newlines inside values are escaped so that no value can forge another line
        text.append(key).append('=').append(v == null ? "" : v.toString().replace("\\", "\\\\").replace("\n", "\\n"))
                .append('\n');
    }
}
