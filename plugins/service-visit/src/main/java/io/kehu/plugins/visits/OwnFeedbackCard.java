package io.kehu.plugins.visits;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.RecordData;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The plugin's own feedback card: a 1–5 rating and a comment, stored as {@code visit_feedback} (archived). */
final class OwnFeedbackCard implements FeedbackCardSource {

    private final PluginContext context;

    OwnFeedbackCard(PluginContext context) {
        this.context = context;
    }

    static FeedbackCardSource of(PluginContext context) {
        return context.services().find(FeedbackCardSource.class).orElseGet(() -> new OwnFeedbackCard(context));
    }

    @Override
    public Component card(RecordData visit, Locale locale, Runnable onDone) {
        Div card = new Div();
        card.setId("feedback-card");
        RadioButtonGroup<Integer> rating = new RadioButtonGroup<>(context.messages().get("feedback.rating", locale));
        rating.setId("feedback-rating");
        rating.setItems(List.of(5, 4, 3, 2, 1));
        rating.setItemLabelGenerator(n -> "★".repeat(n) + "☆".repeat(5 - n));
        rating.getStyle().set("font-size", "1.6em");
        TextArea comment = new TextArea(context.messages().get("feedback.comment", locale));
        comment.setId("feedback-comment");
        comment.setMaxLength(2000);
        comment.setWidthFull();
        Button submit = new Button(context.messages().get("feedback.submit", locale));
        submit.setId("feedback-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        submit.setWidthFull();
        submit.setEnabled(false);
        rating.addValueChangeListener(e -> submit.setEnabled(e.getValue() != null));
        submit.addClickListener(e -> {
            Map<String, Object> values = new HashMap<>();
            values.put("visit", visit.id());
            values.put("customer", visit.get("customer"));
            values.put("rating", rating.getValue());
            String text = comment.getValue() == null ? "" : comment.getValue().strip();
            if (!text.isEmpty()) {
                values.put("comment", text);
                values.put("comment_title", text.length() > 80 ? text.substring(0, 79) + "…" : text);
            }
            values.put("submitted_at", OffsetDateTime.now());
            values.put("source", "visit_card");
            // written by the plugin on behalf of the visitor: a visitor need not own the customer the card is about
            context.records().batch().onBehalfOf(context.currentUsername().orElse(null))
                    .run(b -> b.create(VisitForms.FEEDBACK, values));
            onDone.run();
        });
        card.add(new H3(context.messages().get("feedback.title", locale)), rating, comment, submit);
        return card;
    }
}
