package io.kehu.plugins.visits;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.RecordException;
import java.util.Locale;

/**
 * Shown on a signed visit whose content no longer matches what the customer signed: the customer checks the visit as
 * it is now and signs again (name, signature pad, 重新签字确认) — {@link VisitService#resign} — and a new report is
 * archived for the new signature; the earlier signature stays on the visit ({@code previous_signatures}).
 */
final class ResignForm extends Div {

    ResignForm(PluginContext context, long visitId, Locale locale, Runnable afterSigning) {
        setId("visit-resign");
        Paragraph why = new Paragraph(context.messages().get("resign.why", locale));
        TextField signer = new TextField(context.messages().get("today.signer", locale));
        signer.setId("resign-name");
        signer.setWidthFull();
        signer.setMaxLength(120);
        SignaturePad pad = new SignaturePad(context.messages().get("today.clear", locale));
        Button sign = new Button(context.messages().get("resign.button", locale), e -> {
            VisitService service = new VisitService(context);
            try {
                service.resign(service.visit(visitId), signer.getValue(), pad.strokes());
                new VisitReport(context, locale).archived(visitId);
                afterSigning.run();
            } catch (RecordException ex) {
                TodayView.error(this, ex.message(locale));
            }
        });
        sign.setId("visit-resign-button");
        sign.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        sign.setWidthFull();
        add(new H3(context.messages().get("resign.title", locale)), why, signer, pad, sign);
    }
}
