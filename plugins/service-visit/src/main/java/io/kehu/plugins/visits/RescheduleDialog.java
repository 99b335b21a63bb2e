package io.kehu.plugins.visits;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import io.kehu.sdk.workflows.WorkflowRefusedException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * 改期: a new start (date and time, half-hour steps) for a booked or confirmed visit, its length kept. While the
 * time is picked the dialog warns of the visitor's clashing visits and of a time outside the customer's window;
 * saving runs the overlap check again on the server under the visitor's lock, and a confirmed visit goes back to
 * booked (the customer confirms the new time).
 */
final class RescheduleDialog extends Dialog {

    RescheduleDialog(PluginContext context, Locale locale, long visitId, Runnable onSaved) {
        VisitService service = new VisitService(context);
        RecordData visit = service.visit(visitId);
        OffsetDateTime start = (OffsetDateTime) visit.get("planned_start");
        OffsetDateTime end = (OffsetDateTime) visit.get("planned_end");
        Duration length = Duration.between(start, end);
        setId("reschedule-dialog");
        setHeaderTitle(context.messages().get("reschedule.title", locale, visit.get("subject")));
        DateTimePicker when = new DateTimePicker(context.messages().get("reschedule.start", locale));
        when.setId("reschedule-start");
        when.setStep(Duration.ofMinutes(30));
        when.setLocale(locale);
        when.setValue(start.atZoneSameInstant(Texts.ZONE).toLocalDateTime());
        when.setWidthFull();
        Paragraph warning = new Paragraph();
        warning.setId("reschedule-warning");
        Runnable check = () -> warning.setText(warnings(context, locale, visit, when.getValue(), length));
        when.addValueChangeListener(e -> check.run());
        check.run();
        Button save = new Button(context.messages().get("reschedule.save", locale), e -> {
            if (when.getValue() == null) {
                warning.setText(context.messages().get("reschedule.missing", locale));
                return;
            }
            OffsetDateTime to = when.getValue().atZone(Texts.ZONE).toOffsetDateTime();
            // said first here in the user's language; the server checks again under the lock
            if (!new Agenda(context).clashes(visit.get("visitor"), visitId, to, to.plus(length)).isEmpty()) {
                check.run();
                return;
            }
            try {
                service.reschedule(service.visit(visitId), to);
                close();
                onSaved.run();
            } catch (RecordException ex) {
                warning.setText(ex.message(locale));
            } catch (WorkflowRefusedException ex) {
                warning.setText(ex.text().in(locale));
            }
        });
        save.setId("reschedule-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(context.messages().get("reschedule.close", locale), e -> close());
        cancel.setId("reschedule-close");
        add(when, warning);
        getFooter().add(cancel, save);
    }

    /** The clash and window warnings for a visit moved to {@code at}, or that there are none. */
    static String warnings(PluginContext context, Locale locale, RecordData visit, LocalDateTime at,
            Duration length) {
        if (at == null) {
            return context.messages().get("reschedule.missing", locale);
        }
        OffsetDateTime start = at.atZone(Texts.ZONE).toOffsetDateTime();
        OffsetDateTime end = start.plus(length);
        List<RecordData> clashes = new Agenda(context).clashes(visit.get("visitor"), visit.id(), start, end);
        StringBuilder out = new StringBuilder();
        if (!clashes.isEmpty()) {
            RecordData c = clashes.getFirst();
            out.append("⚠ ").append(context.messages().get("agenda.conflict", locale, c.get("subject"),
                    Texts.span((OffsetDateTime) c.get("planned_start"), (OffsetDateTime) c.get("planned_end"))));
        }
        PreferredWindow window = PreferredWindow.of(visit.get("preferred_window"));
        if (!window.fits(start.atZoneSameInstant(Texts.ZONE).toLocalTime(),
                end.atZoneSameInstant(Texts.ZONE).toLocalTime())) {
            out.append(out.isEmpty() ? "⚠ " : "；").append(context.messages().get("agenda.outside.window", locale,
                    context.messages().get("window." + window.code(), locale)));
        }
        return out.isEmpty() ? context.messages().get("reschedule.free", locale, Texts.span(start, end))
                : out.toString();
    }
}
