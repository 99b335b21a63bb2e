package io.kehu.plugins.visits;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.files.FileInfo;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import io.kehu.sdk.users.UserInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The signed visit's report as a PDF (Apache PDFBox): the visit (customer, type, visitor, booked time, address,
 * check-in and -out), every checklist line with its answer, note and its photos as small thumbnails
 * ({@link ReportPhotos}), the signer, the time of
 * signing, the signature drawn from its strokes as vector lines, and the SHA-256 the signature is bound to with
 * whether the visit still matches it. Chinese needs a CJK font embedded as a subset ({@link ReportFont}).
 *
 * <p>The report is archived with the visit as a file of the plugin ({@link #key}) the first time it is made —
 * at sign-off on the phone, or when someone first downloads it — and that archived copy is what is downloaded
 * afterwards, so the document the customer was given stays the same.
 */
final class VisitReport {

    static final String CONTENT_TYPE = "application/pdf";
    private static final float MARGIN = 50;
    private static final float SIZE = 10.5f;
    private static final float LEADING = 15;
    /** The box a photo's thumbnail is drawn in, in points (about 34 mm). */
    private static final float PHOTO_BOX = 96;

    private final PluginContext context;
    private final Locale locale;

    VisitReport(PluginContext context, Locale locale) {
        this.context = context;
        this.locale = locale;
    }

    /** The files the visit's report is archived under. */
    static String key(long visitId) {
        return "visit_report:" + visitId;
    }

    /**
     * The archived report of a signed-off visit, made and archived now when there is none yet for its current
     * signature (a visit signed again after a change gets a new report; the earlier ones stay archived).
     */
    FileInfo archived(long visitId) {
        VisitService service = new VisitService(context);
        RecordData visit = service.visit(visitId);
        List<FileInfo> kept = context.files().list(key(visitId));
        if (!kept.isEmpty() && !kept.getLast().createdAt().isBefore(signedAt(visit))) {
            return kept.getLast();
        }
        if (VisitStatus.of(visit.get("status")).orElse(null) != VisitStatus.SIGNED_OFF) {
            throw RecordException.refused(RecordException.Reason.INVALID, context.messages(), "report.unsigned");
        }
        byte[] pdf = render(visit, service.checks(visitId));
        return context.files().store(key(visitId), fileName(visit), CONTENT_TYPE, pdf);
    }

    private static java.time.Instant signedAt(RecordData visit) {
        return visit.get("signed_at") instanceof OffsetDateTime at ? at.toInstant() : java.time.Instant.MIN;
    }

    /** The archived report's content. */
    byte[] content(FileInfo file) {
        return context.files().content(file.id()).orElseThrow(() -> RecordException.refused(
                RecordException.Reason.NOT_FOUND, context.messages(), "report.missing"));
    }

    String fileName(RecordData visit) {
        OffsetDateTime start = (OffsetDateTime) visit.get("planned_start");
        String day = start == null ? "" : "-" + Texts.dayTime(start).substring(0, 10);
        return context.messages().get("report.file", locale) + day + "-" + visit.id() + ".pdf";
    }

    /** The report of {@code visit} with its checklist {@code checks}, as PDF bytes. */
    byte[] render(RecordData visit, List<RecordData> checks) {
        synchronized (ReportFont.class) {
            return renderAlone(visit, checks);
        }
    }

    private byte[] renderAlone(RecordData visit, List<RecordData> checks) {
        try (PDDocument document = new PDDocument(); ReportFont font = ReportFont.open(context)) {
            Writer out = new Writer(document, font.load(document));
            ReportPhotos thumbnails = new ReportPhotos(context);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(text("report.title") + " · " + visit.get("subject"));
            info.setCreator("Kehu service-visit");
            out.heading(text("report.title"), 18);
            out.line(String.valueOf(visit.get("subject")), 13);
            out.gap();
            out.field("report.customer", customer(visit));
            out.field("report.type", type(visit));
            out.field("report.visitor", person(visit.get("visitor")));
            out.field("report.booked", Texts.span((OffsetDateTime) visit.get("planned_start"),
                    (OffsetDateTime) visit.get("planned_end")));
            out.field("report.address", visit.get("address"));
            out.field("report.checked.in", Texts.dayTime((OffsetDateTime) visit.get("checked_in_at")));
            out.field("report.checked.out", Texts.dayTime((OffsetDateTime) visit.get("checked_out_at")));
            out.gap();
            out.heading(text("report.checklist", checks.size()), 13);
            int n = 0;
            for (RecordData check : checks) {
                n++;
                StringBuilder lineText = new StringBuilder().append(n).append(". ").append(Texts.item(check, locale));
                if (Boolean.TRUE.equals(check.get("required"))) {
                    lineText.append(" *");
                }
                out.wrapped(lineText.toString(), SIZE, 0);
                StringBuilder answer = new StringBuilder(Texts.result(context, check.get("result"), locale));
                long photos = VisitCatalog.number(check.get("photos"));
                if (photos > 0) {
                    answer.append(" · ").append(text("report.photos", photos));
                }
                if (check.get("note") != null) {
                    answer.append(" · ").append(text("report.note", check.get("note")));
                }
                out.wrapped(answer.toString(), SIZE - 1, 14);
                if (photos > 0) {
                    out.photos(thumbnails.of(document, check.id()), 14);
                }
            }
            out.gap();
            out.heading(text("report.signoff"), 13);
            out.field("report.signer", visit.get("signer_name"));
            out.field("report.signed.at", Texts.dayTime((OffsetDateTime) visit.get("signed_at")));
            if (visit.get("signature") != null) {
                out.signature((String) visit.get("signature"));
            }
            Object hash = visit.get("content_hash");
            if (hash == null) {
                out.wrapped(text("hash.none"), SIZE, 0);
            } else {
                out.wrapped(text("report.hash"), SIZE, 0);
                out.wrapped(hash.toString(), SIZE - 1, 0);
                boolean same = hash.equals(VisitHash.now(context, visit, checks));
                out.wrapped(text(same ? "report.hash.same" : "report.hash.changed"), SIZE, 0);
            }
            out.gap();
            out.wrapped(text("report.generated", Texts.dayTime(OffsetDateTime.now())), SIZE - 2, 0);
            out.close();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(String key, Object... arguments) {
        return context.messages().get(key, locale, arguments);
    }

    private String customer(RecordData visit) {
        return visit.get("customer") instanceof Number id
                ? context.records().get(VisitForms.CUSTOMER, id.longValue()).map(c -> String.valueOf(c.get("name")))
                        .orElse("")
                : "";
    }

    private String type(RecordData visit) {
        return visit.get("visit_type") instanceof Number id
                ? VisitCatalog.of(context).type(id.longValue()).map(t -> Texts.typeName(t, locale)).orElse("")
                : "";
    }

    private String person(Object id) {
        return id instanceof Number n
                ? context.users().byId(n.longValue()).map(UserInfo::displayName).orElse("") : "";
    }

    /** Writes lines down the pages, starting a new page when one is full. */
    private final class Writer {
        private final PDDocument document;
        private final PDFont font;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument document, PDFont font) throws IOException {
            this.document = document;
            this.font = font;
            page();
        }

        private void page() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private void room(float height) throws IOException {
            if (y - height < MARGIN) {
                page();
            }
        }

        void heading(String text, float size) throws IOException {
            room(size + 8);
            y -= 4;
            line(text, size);
            y -= 2;
        }

        void line(String text, float size) throws IOException {
            wrapped(text, size, 0);
        }

        void gap() {
            y -= LEADING / 2;
        }

        void field(String labelKey, Object value) throws IOException {
            String shown = value == null ? "" : value.toString();
            wrapped(text(labelKey, shown.isBlank() ? "—" : shown), SIZE, 0);
        }

        /** The text in lines that fit the page (broken between any two characters: Chinese has no spaces). */
        void wrapped(String text, float size, float indent) throws IOException {
            String printable = ReportFont.printable(font, text);
            for (String part : lines(printable, size, width - indent)) {
                room(size + 4);
                y -= Math.max(LEADING, size + 4);
                stream.beginText();
                stream.setFont(font, size);
                stream.newLineAtOffset(MARGIN + indent, y);
                stream.showText(part);
                stream.endText();
            }
        }

        private List<String> lines(String text, float size, float max) throws IOException {
            List<String> lines = new ArrayList<>();
            for (String paragraph : text.split("\n", -1)) {
                StringBuilder current = new StringBuilder();
                float used = 0;
                for (int i = 0; i < paragraph.length(); ) {
                    int cp = paragraph.codePointAt(i);
                    String ch = new String(Character.toChars(cp));
                    float w = font.getStringWidth(ch) / 1000 * size;
                    if (used + w > max && !current.isEmpty()) {
                        lines.add(current.toString());
                        current.setLength(0);
                        used = 0;
                    }
                    current.append(ch);
                    used += w;
                    i += Character.charCount(cp);
                }
                lines.add(current.toString());
            }
            return lines;
        }

        /** The strokes as lines in a box of the pad's proportions (the pad's y axis points down, the PDF's up). */
        void signature(String path) throws IOException {
            float boxWidth = SignaturePad.WIDTH / 2f;
            float boxHeight = SignaturePad.HEIGHT / 2f;
            room(boxHeight + 10);
            y -= boxHeight + 6;
            float scale = boxWidth / SignaturePad.WIDTH;
            stream.setLineWidth(0.6f);
            stream.setStrokingColor(0.75f);
            stream.addRect(MARGIN, y, boxWidth, boxHeight);
            stream.stroke();
            stream.setStrokingColor(0.1f);
            stream.setLineWidth(1.5f);
            for (String token : Strokes.fit(path, Integer.MAX_VALUE).split(" ")) {
                if (token.isEmpty()) {
                    continue;
                }
                String[] xy = token.substring(1).split(",");
                float px = MARGIN + Math.max(0, Math.min(SignaturePad.WIDTH, Float.parseFloat(xy[0]))) * scale;
                float py = y + boxHeight - Math.max(0, Math.min(SignaturePad.HEIGHT, Float.parseFloat(xy[1]))) * scale;
                if (token.charAt(0) == 'M') {
                    stream.moveTo(px, py);
                } else {
                    stream.lineTo(px, py);
                }
            }
            stream.stroke();
        }

        /** Thumbnails in rows of boxes of {@link #PHOTO_BOX} points, each keeping its proportions. */
        void photos(List<PDImageXObject> images, float indent) throws IOException {
            float x = MARGIN + indent;
            boolean rowStarted = false;
            for (PDImageXObject image : images) {
                if (rowStarted && x + PHOTO_BOX > MARGIN + width) {
                    x = MARGIN + indent;
                    rowStarted = false;
                }
                if (!rowStarted) {
                    room(PHOTO_BOX + 6);
                    y -= PHOTO_BOX + 6;
                    rowStarted = true;
                }
                float scale = Math.min(PHOTO_BOX / image.getWidth(), PHOTO_BOX / image.getHeight());
                float w = image.getWidth() * scale;
                float h = image.getHeight() * scale;
                stream.drawImage(image, x, y + (PHOTO_BOX - h), w, h);
                x += PHOTO_BOX + 6;
            }
        }

        void close() throws IOException {
            stream.close();
        }
    }

    /** Only for tests and the benchmark: the report made without archiving it. */
    static byte[] preview(PluginContext context, long visitId, Locale locale) {
        VisitService service = new VisitService(context);
        return new VisitReport(context, locale).render(service.visit(visitId), service.checks(visitId));
    }

    static Optional<FileInfo> kept(PluginContext context, long visitId) {
        List<FileInfo> kept = context.files().list(key(visitId));
        return kept.isEmpty() ? Optional.empty() : Optional.of(kept.getLast());
    }
}
