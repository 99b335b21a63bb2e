package io.kehu.plugins.visits;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.files.FileInfo;
import io.kehu.sdk.files.PluginFiles;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.PluginRecords;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import io.kehu.sdk.workflows.WorkflowInfo;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the visitor does with a visit, as the signed-in user (their permissions, their name in the audit trail and
 * the workflow history): take a step of the visit's workflow (confirm, check in, reschedule, cancel), answer a
 * checklist line (each answer is saved at once), sign off. Steps go through the platform's workflow engine
 * ({@code service_visit_flow}: state, who may act, required fields), the rest of the rules are {@link VisitRules}'s,
 * so the record view and REST obey the same ones.
 */
final class VisitService {

    static final int SIGNATURE_MAX = 10000;
    /** Photos are kept with their longer side at most this many pixels. */
    static final int PHOTO_SIDE = 1600;
    /** The most a photo may weigh when it is taken (it is compressed before it is kept). */
    static final long PHOTO_MAX_INPUT = PluginFiles.MAX_IMAGE_INPUT_BYTES;

    private final PluginContext context;
    private final PluginRecords records;

    VisitService(PluginContext context) {
        this.context = context;
        this.records = context.recordsOfCurrentUser();
    }

    RecordData visit(long id) {
        return records.get(VisitForms.VISIT, id)
                .orElseThrow(() -> RecordException.refused(RecordException.Reason.NOT_FOUND, context.messages(),
                        "error.visit.gone"));
    }

    /**
     * Takes a step of the visit's workflow, e.g. {@link VisitSteps#CONFIRM}.
     *
     * @throws io.kehu.sdk.workflows.WorkflowRefusedException when the step is not allowed now, with why
     */
    RecordData move(RecordData visit, String transition) {
        return context.workflows().transition(VisitForms.VISIT, visit.id(), transition, null, visit.rowVersion());
    }

    /** The steps the user may take on the visit now, in the workflow's order. */
    List<WorkflowInfo.TransitionInfo> steps(long visitId) {
        return context.workflows().allowedTransitions(VisitForms.VISIT, visitId);
    }

    /** Cancels a booked or confirmed visit with its reason: the reason and the step commit together or not at all. */
    RecordData cancel(RecordData visit, String reason) {
        return context.workflows().transition(VisitForms.VISIT, visit.id(), VisitSteps.CANCEL, reason,
                Map.of("cancel_reason", reason == null ? "" : reason.strip()), visit.rowVersion());
    }

    /**
     * Moves a booked or confirmed visit to another start, keeping its length. The overlap check runs again on the
     * server under the visitor's lock ({@link VisitRules}); a confirmed visit goes back to booked through the
     * workflow's 改期 step (the customer confirms the new time), in the same transaction.
     *
     * @throws RecordException VETOED when it would overlap another visit of the visitor, or the visit is no longer
     *                         booked or confirmed
     */
    RecordData reschedule(RecordData visit, OffsetDateTime start) {
        VisitStatus status = VisitStatus.of(visit.get("status")).orElse(VisitStatus.CANCELLED);
        if (status != VisitStatus.BOOKED && status != VisitStatus.CONFIRMED) {
            throw RecordException.refused(RecordException.Reason.VETOED, context.messages(), "veto.reschedule.state");
        }
        if (start.isBefore(OffsetDateTime.now())) {
            throw RecordException.refused(RecordException.Reason.VETOED, context.messages(), "veto.reschedule.past");
        }
        OffsetDateTime oldStart = (OffsetDateTime) visit.get("planned_start");
        OffsetDateTime oldEnd = (OffsetDateTime) visit.get("planned_end");
        Duration length = oldStart != null && oldEnd != null ? Duration.between(oldStart, oldEnd)
                : Duration.ofHours(1);
        return context.transactions().call(() -> {
            Map<String, Object> times = new HashMap<>();
            times.put("planned_start", start);
            times.put("planned_end", start.plus(length));
            times.put("overdue_since", null); // moved to a time to come: no longer overdue
            RecordData moved = records.update(VisitForms.VISIT, visit.id(), visit.rowVersion(), times);
            return status == VisitStatus.CONFIRMED
                    ? context.workflows().transition(VisitForms.VISIT, visit.id(), VisitSteps.RESCHEDULE,
                            Texts.span(start, start.plus(length)), moved.rowVersion())
                    : moved;
        });
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

    /**
     * The customer signs again a visit whose content changed after it was signed (the screen shows 签字后内容已被修改):
     * new signer, strokes, time and the hash of the content as it is now; the earlier signature's time, signer and
     * hash are added to {@code previous_signatures}. {@link VisitRules} lets this through only while the content
     * really differs from what was signed ({@link SignOffSeal#resigns}).
     *
     * @throws RecordException VETOED without a signer or strokes, or when the visit still matches its signature
     */
    RecordData resign(RecordData visit, String signer, String strokes) {
        String name = signer == null || signer.isBlank() ? null : signer.strip();
        String path = Strokes.fit(strokes, SIGNATURE_MAX);
        if (name == null || path.isEmpty()) {
            throw RecordException.refused(RecordException.Reason.VETOED, context.messages(), "veto.signoff.signature");
        }
        return context.transactions().call(() -> {
            RecordData now = visit(visit.id());
            String entry = context.messages().get("resign.entry", java.util.Locale.SIMPLIFIED_CHINESE,
                    Texts.dayTime((OffsetDateTime) now.get("signed_at")), now.get("signer_name"),
                    now.get("content_hash"));
            Object kept = now.get("previous_signatures");
            Map<String, Object> changes = new HashMap<>();
            changes.put("signer_name", name);
            changes.put("signature", path);
            changes.put("signed_at", OffsetDateTime.now());
            changes.put("content_hash", VisitHash.of(context, now, checks(now.id()), name, path));
            changes.put("previous_signatures", kept == null || kept.toString().isBlank() ? entry : kept + "\n" + entry);
            return records.update(VisitForms.VISIT, now.id(), visit.rowVersion(), changes);
        });
    }

    /** The files a line's photos are filed under. */
    static String photoKey(long checkId) {
        return "visit_check:" + checkId;
    }

    /** The file a photo's small thumbnail for the report is filed under. */
    static String thumbnailKey(long photoId) {
        return "visit_photo_thumbnail:" + photoId;
    }

    /**
     * Keeps a photo of a checklist line and counts it on the line, in one transaction (so a line of a signed-off
     * visit, which {@link VisitRules} freezes, gets no photo either).
     *
     * @throws io.kehu.sdk.files.FileRefusedException when it is not a JPEG/PNG picture or too large
     */
    RecordData addPhoto(RecordData check, String fileName, byte[] content) {
        return context.transactions().call(() -> {
            FileInfo photo = context.files().storeImage(photoKey(check.id()), fileName, content, PHOTO_SIDE);
            // the report's thumbnail, made once here from the kept photo rather than at every report
            context.files().content(photo.id()).ifPresent(kept -> context.files().storeImage(
                    thumbnailKey(photo.id()), photo.fileName(), kept, ReportPhotos.SIDE));
            long count = context.files().list(photoKey(check.id())).size();
            return records.update(VisitForms.CHECK, check.id(), check.rowVersion(), Map.of("photos", count));
        });
    }

    /**
     * Deletes a photo of a line while its visit is open, in one transaction with the line: the count goes down and
     * the line's 删除的照片记录 ({@code photos_removed}) gets who deleted which photo when (its name and the start
     * of its SHA-256) — the platform's audit trail keeps that change of the line under the user's name, so a photo
     * never disappears without a trace. A signed-off or cancelled visit's lines are frozen ({@link VisitRules}), so
     * there the delete is undone with the refusal.
     *
     * @throws RecordException NOT_FOUND when the photo is not (or no longer) one of the line's
     */
    RecordData removePhoto(RecordData check, long fileId) {
        return context.transactions().call(() -> {
            FileInfo photo = photos(check.id()).stream().filter(f -> f.id() == fileId).findFirst()
                    .orElseThrow(() -> RecordException.refused(RecordException.Reason.NOT_FOUND, context.messages(),
                            "photo.gone"));
            context.files().delete(photo.id());
            context.files().list(thumbnailKey(photo.id())).forEach(t -> context.files().delete(t.id()));
            String who = context.currentUsername().map(u -> context.users().byUsername(u)
                    .map(io.kehu.sdk.users.UserInfo::displayName).orElse(u)).orElse(context.pluginId());
            String entry = context.messages().get("photo.removed.entry", java.util.Locale.SIMPLIFIED_CHINESE,
                    Texts.dayTime(OffsetDateTime.now()), who, photo.fileName(), photo.sha256().substring(0, 12));
            Object before = check.get("photos_removed");
            Map<String, Object> changes = new HashMap<>();
            changes.put("photos", (long) photos(check.id()).size());
            changes.put("photos_removed", before == null || before.toString().isBlank() ? entry
                    : before + "\n" + entry);
            return records.update(VisitForms.CHECK, check.id(), check.rowVersion(), changes);
        });
    }

    /** A line's photos, oldest first. */
    List<FileInfo> photos(long checkId) {
        return context.files().list(photoKey(checkId));
    }

    /**
     * The customer signs: name and strokes are stored with the visit, then the workflow's sign-off step (which needs
     * both, stamps the time and is refused by {@link VisitRules} while a required line is open) — in one transaction,
     * so a refused sign-off leaves no signature behind.
     */
    RecordData signOff(RecordData visit, String signer, String strokes) {
        Map<String, Object> changes = new HashMap<>();
        String name = signer == null || signer.isBlank() ? null : signer.strip();
        changes.put("signer_name", name);
        String path = Strokes.fit(strokes, SIGNATURE_MAX);
        changes.put("signature", path.isEmpty() ? null : path);
        return context.transactions().call(() -> {
            // the signature is bound to the content as it is read in this transaction
            RecordData now = visit(visit.id());
            changes.put("content_hash", VisitHash.of(context, now, checks(visit.id()), name,
                    path.isEmpty() ? null : path));
            // written with the signature, so the sign-off stays one write (SignOffSeal adds it on other paths)
            changes.put("first_time_fix", SignOffSeal.fixedFirstTime(context, now));
            RecordData signed = records.update(VisitForms.VISIT, visit.id(), visit.rowVersion(), changes);
            return context.workflows().transition(VisitForms.VISIT, visit.id(), VisitSteps.SIGN_OFF, null,
                    signed.rowVersion());
        });
    }
}
