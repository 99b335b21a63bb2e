package io.kehu.plugins.visits;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A visit's checklist on the phone: one block per line with big result buttons (done / not needed / problem) and a
 * note; every change is saved to the server at once (autosave), so a closed tab or a lost connection loses nothing
 * answered. Read-only once the visit is signed off or cancelled. Fires {@code onChange} after each save so the
 * screen can update its progress and the sign-off button.
 */
final class ChecklistSheet extends Div {

    private final PluginContext context;
    private final VisitService service;
    private final Locale locale;
    private final Runnable onChange;
    private final List<RecordData> lines = new ArrayList<>();

    ChecklistSheet(PluginContext context, VisitService service, long visitId, boolean editable, Locale locale,
                   Runnable onChange) {
        this.context = context;
        this.service = service;
        this.locale = locale;
        this.onChange = onChange;
        setId("visit-checklist");
        lines.addAll(service.checks(visitId));
        String section = null;
        for (int i = 0; i < lines.size(); i++) {
            RecordData line = lines.get(i);
            String kind = "closing".equals(line.get("list_kind")) ? "today.closing" : "today.checklist";
            if (!kind.equals(section)) {
                section = kind;
                add(new H3(context.messages().get(kind, locale)));
            }
            add(line(i, editable));
        }
    }

    private Div line(int index, boolean editable) {
        RecordData line = lines.get(index);
        Div block = new Div();
        block.addClassName("visit-check");
        block.getStyle().set("padding", "var(--lumo-space-s) 0").set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        Paragraph text = new Paragraph(Texts.item(line, locale));
        text.getStyle().set("margin", "0").set("font-weight", "600");
        if (Boolean.TRUE.equals(line.get("required"))) {
            text.add(new Span(" *"));
        }
        if (Boolean.TRUE.equals(line.get("photo_required"))) {
            Span photo = new Span(" · " + context.messages().get("today.photo", locale));
            photo.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-weight", "400");
            text.add(photo);
        }
        RadioButtonGroup<String> result = new RadioButtonGroup<>();
        result.setId("check-" + line.id());
        result.setItems("done", "not_needed", "problem");
        result.setItemLabelGenerator(code -> Texts.result(context, code, locale));
        result.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        result.getStyle().set("font-size", "1.15em").set("--vaadin-radio-button-size", "28px")
                .set("--vaadin-radio-button-gap", "12px").set("--vaadin-radio-group-gap", "8px");
        result.getChildren().forEach(c -> c.getElement().getStyle().set("min-height", "48px"));
        result.setValue((String) line.get("result"));
        result.setReadOnly(!editable);
        TextArea note = new TextArea(context.messages().get("today.note", locale));
        note.setId("note-" + line.id());
        note.setWidthFull();
        note.setMaxLength(2000);
        note.setValueChangeMode(ValueChangeMode.ON_BLUR);
        note.setValue(line.get("note") == null ? "" : (String) line.get("note"));
        note.setReadOnly(!editable);
        note.setVisible(!editable || "problem".equals(result.getValue()) || !note.getValue().isEmpty());
        Span saved = new Span();
        saved.setId("check-saved-" + line.id());
        saved.getStyle().set("color", "var(--lumo-success-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Runnable save = () -> {
            if (result.getValue() == null || ("problem".equals(result.getValue()) && note.getValue().isBlank())) {
                return; // a problem is saved with its note; the field asks for it
            }
            try {
                lines.set(index, service.answer(lines.get(index), result.getValue(), note.getValue()));
                saved.setText(context.messages().get("today.saved", locale));
                onChange.run();
            } catch (RecordException e) {
                saved.setText(e.message(locale));
                saved.getStyle().set("color", "var(--lumo-error-text-color)");
            }
        };
        result.addValueChangeListener(e -> {
            if (e.isFromClient() || e.getOldValue() != null || e.getValue() != null) {
                note.setVisible(true);
                note.setRequiredIndicatorVisible("problem".equals(e.getValue()));
                save.run();
            }
        });
        note.addValueChangeListener(e -> save.run());
        block.add(text, result, note, saved);
        block.add(new PhotoBox(context, service, () -> lines.get(index), editable, locale, updated -> {
            lines.set(index, updated);
            onChange.run();
        }));
        return block;
    }

    /** Required lines, and how many of them are answered. */
    int[] progress() {
        int required = 0;
        int answered = 0;
        for (RecordData line : lines) {
            if (Boolean.TRUE.equals(line.get("required"))) {
                required++;
                answered += line.get("result") == null ? 0 : 1;
            }
        }
        return new int[] {answered, required};
    }
}
