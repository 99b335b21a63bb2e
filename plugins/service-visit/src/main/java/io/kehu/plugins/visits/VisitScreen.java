package io.kehu.plugins.visits;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.files.FileInfo;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import io.kehu.sdk.workflows.WorkflowRefusedException;
import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * One visit on the phone: the workflow's steps the user may take now (customer confirmed, check in, reschedule,
 * cancel with a reason), the checklist, then — on site — the customer's sign-off (name and signature pad; refused on
 * the server while a required item is open), then the feedback card, and the visit's workflow history.
 */
final class VisitScreen {

    private VisitScreen() {
    }

    static void show(PluginContext context, Div screen, long visitId) {
        Locale locale = TodayView.locale();
        VisitService service = new VisitService(context);
        RecordData visit = service.visit(visitId);
        screen.removeAll();
        Button back = new Button(context.messages().get("today.back", locale),
                e -> TodayView.showToday(context, screen));
        back.setId("visit-back");
        screen.add(back, new H2((String) visit.get("subject")));
        Span state = new Span(Texts.span((OffsetDateTime) visit.get("planned_start"),
                (OffsetDateTime) visit.get("planned_end")) + " · " + Texts.status(context, visit.get("status"), locale));
        state.setId("visit-state");
        screen.add(state);
        VisitStatus status = VisitStatus.of(visit.get("status")).orElse(VisitStatus.BOOKED);
        screen.add(StepButtons.of(context, service, visitId, locale, () -> show(context, screen, visitId),
                screen));
        boolean editable = status.active();
        Paragraph progress = new Paragraph();
        progress.setId("visit-progress");
        Div signOff = new Div();
        ChecklistSheet[] sheet = new ChecklistSheet[1];
        Runnable update = () -> {
            int[] p = sheet[0].progress();
            progress.setText(context.messages().get("today.progress", locale, p[0], p[1]));
        };
        sheet[0] = new ChecklistSheet(context, service, visitId, editable, locale, update);
        update.run();
        screen.add(progress, sheet[0]);
        if (status == VisitStatus.ON_SITE || status == VisitStatus.SIGNED_OFF) {
            screen.add(VisitLocation.section(context, visitId, status == VisitStatus.ON_SITE, locale));
            screen.add(VisitExtras.work(context, visitId, status == VisitStatus.ON_SITE, locale),
                    VisitExtras.payments(context, visitId, true, locale));
        }
        screen.add(signOff);
        if (status == VisitStatus.ON_SITE) {
            signOffForm(context, screen, signOff, visitId, locale);
        } else if (status == VisitStatus.SIGNED_OFF) {
            signed(context, screen, signOff, visit, locale);
        }
        screen.add(VisitHistory.of(context, visitId, locale));
    }

    private static void signOffForm(PluginContext context, Div screen, Div area, long visitId, Locale locale) {
        Paragraph noCash = new Paragraph(context.messages().get("today.nocash", locale));
        noCash.getStyle().set("font-weight", "600");
        TextField signer = new TextField(context.messages().get("today.signer", locale));
        signer.setId("signer-name");
        signer.setWidthFull();
        signer.setMaxLength(120);
        SignaturePad pad = new SignaturePad(context.messages().get("today.clear", locale));
        Paragraph hint = new Paragraph(context.messages().get("today.needsignature", locale));
        Button sign = new Button(context.messages().get("today.sign", locale), e -> {
            VisitService service = new VisitService(context);
            // the same checks as VisitRules, first here to say them in the visitor's language
            List<RecordData> open = service.checks(visitId).stream()
                    .filter(c -> Boolean.TRUE.equals(c.get("required")) && c.get("result") == null).toList();
            if (!open.isEmpty()) {
                TodayView.error(area, context.messages().get("veto.signoff.open", locale, open.size(),
                        Texts.item(open.getFirst(), locale)));
                return;
            }
            List<RecordData> noPhoto = service.checks(visitId).stream()
                    .filter(c -> Boolean.TRUE.equals(c.get("photo_required")) && "done".equals(c.get("result"))
                            && VisitCatalog.number(c.get("photos")) == 0).toList();
            if (!noPhoto.isEmpty()) {
                TodayView.error(area, context.messages().get("veto.signoff.photo", locale, noPhoto.size(),
                        Texts.item(noPhoto.getFirst(), locale)));
                return;
            }
            if (signer.getValue().isBlank() || Strokes.fit(pad.strokes(), VisitService.SIGNATURE_MAX).isEmpty()) {
                TodayView.error(area, context.messages().get("veto.signoff.signature", locale));
                return;
            }
            try {
                service.signOff(service.visit(visitId), signer.getValue(), pad.strokes());
                show(context, screen, visitId);
                // the report is archived as the customer saw the visit at signing, in the visitor's language
                try {
                    new VisitReport(context, locale).archived(visitId);
                } catch (RecordException ex) {
                    TodayView.error(screen, ex);
                }
            } catch (RecordException ex) {
                TodayView.error(area, ex);
            } catch (WorkflowRefusedException ex) {
                TodayView.error(area, ex.text().in(locale));
            }
        });
        sign.setId("visit-sign");
        sign.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        sign.setWidthFull();
        area.add(new H3(context.messages().get("today.signoff", locale)), noCash, signer, hint, pad, sign);
    }

    /** The signed content's SHA-256 and whether the visit still matches it ("changed after signing" otherwise). */
    static Paragraph hash(PluginContext context, RecordData visit, Locale locale) {
        Object stored = visit.get("content_hash");
        Paragraph hash = new Paragraph();
        hash.setId("visit-hash");
        hash.getStyle().set("word-break", "break-all").set("font-size", "var(--lumo-font-size-s)");
        if (stored == null) {
            hash.setText(context.messages().get("hash.none", locale));
            return hash;
        }
        boolean same = stored.equals(VisitHash.now(context, visit, new VisitService(context).checks(visit.id())));
        hash.setText(context.messages().get(same ? "hash.same" : "hash.changed", locale, stored));
        if (!same) {
            hash.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        }
        return hash;
    }

    /** The link to the archived PDF report (made and archived on the first download when there is none). */
    static Anchor report(PluginContext context, long visitId, Locale locale) {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            VisitReport report = new VisitReport(context, locale);
            FileInfo file = report.archived(visitId);
            byte[] bytes = report.content(file);
            return new DownloadResponse(new ByteArrayInputStream(bytes), file.fileName(), file.contentType(),
                    bytes.length);
        }), context.messages().get("report.download", locale));
        link.setId("visit-report");
        link.setDownload(true);
        return TodayView.big(link);
    }

    /**
     * The follow-up of a visit that left work open: booked, or a button booking it for the same visitor at their
     * first free half hour of the next working day (the agenda's 改期 moves it).
     */
    static Div followUp(PluginContext context, RecordData visit, Locale locale) {
        Div box = new Div();
        box.setId("visit-follow-up");
        java.util.Optional<RecordData> booked = VisitPlanner.existingFollowUp(context, visit.id());
        if (booked.isPresent()) {
            box.add(new Paragraph(context.messages().get("followup.booked", locale, Texts.span(
                    (OffsetDateTime) booked.get().get("planned_start"),
                    (OffsetDateTime) booked.get().get("planned_end")))));
            return box;
        }
        List<RecordData> open = VisitPlanner.openItems(context, visit.id());
        if (open.isEmpty()) {
            return box;
        }
        Paragraph outcome = new Paragraph();
        outcome.setId("follow-up-outcome");
        Button book = new Button(context.messages().get("followup.button", locale, open.size()), e -> {
            Long visitor = visit.get("visitor") instanceof Number n ? n.longValue() : null;
            VisitPlanner planner = new VisitPlanner(context, context.records());
            java.time.LocalDate day = java.time.LocalDate.now(Texts.ZONE).plusDays(1);
            while (day.getDayOfWeek().getValue() >= 6) {
                day = day.plusDays(1);
            }
            java.time.Duration length = java.time.Duration.between((OffsetDateTime) visit.get("planned_start"),
                    (OffsetDateTime) visit.get("planned_end"));
            java.util.Optional<OffsetDateTime> start = java.util.Optional.empty();
            for (int i = 0; i < 10 && start.isEmpty(); i++, day = day.plusDays(day.getDayOfWeek().getValue() == 5
                    ? 3 : 1)) {
                start = planner.firstFreeStart(visitor, day, PreferredWindow.ANY, length);
            }
            try {
                RecordData next = planner.followUp(visit.id(), visitor, start.orElseThrow(() -> RecordException
                        .refused(RecordException.Reason.INVALID, context.messages(), "followup.full")));
                box.removeAll();
                Paragraph done = new Paragraph(context.messages().get("followup.booked", locale, Texts.span(
                        (OffsetDateTime) next.get("planned_start"), (OffsetDateTime) next.get("planned_end"))));
                done.setId("follow-up-outcome");
                box.add(done);
            } catch (RecordException ex) {
                outcome.setText(ex.message(locale));
            }
        });
        book.setId("follow-up-book");
        book.setWidthFull();
        box.add(book, outcome);
        return box;
    }

    private static void signed(PluginContext context, Div screen, Div area, RecordData visit, Locale locale) {
        Paragraph who = new Paragraph(context.messages().get("today.signed", locale, visit.get("signer_name"),
                Texts.dayTime((OffsetDateTime) visit.get("signed_at"))));
        who.setId("visit-signed");
        Paragraph hash = hash(context, visit, locale);
        area.add(who, hash, report(context, visit.id(), locale), followUp(context, visit, locale));
        if (visit.get("content_hash") != null && !visit.get("content_hash").equals(
                VisitHash.now(context, visit, new VisitService(context).checks(visit.id())))) {
            // changed after signing: the customer checks the visit as it is now and signs again
            area.add(new ResignForm(context, visit.id(), locale, () -> show(context, screen, visit.id())));
        }
        if (visit.get("signature") != null) {
            area.add(new Html("<div class='visit-signature'>" + Strokes.svg((String) visit.get("signature")) + "</div>"));
        }
        boolean hasFeedback = !context.records().search(VisitForms.FEEDBACK)
                .where("visit", FilterOperator.EQUALS, visit.id()).limit(1).list().isEmpty();
        if (hasFeedback) {
            Paragraph thanks = new Paragraph(context.messages().get("feedback.thanks", locale));
            thanks.setId("feedback-thanks");
            area.add(thanks);
        } else {
            area.add(OwnFeedbackCard.of(context).card(visit, locale, () -> show(context, screen, visit.id())));
        }
    }
}
