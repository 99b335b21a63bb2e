package io.kehu.platform.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.records.FieldError;
import io.kehu.platform.workflow.Transition;
import io.kehu.platform.workflow.Workflows;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Asks what a transition needs before it is taken: the comment (why — kept in the workflow history) and the fields it
 * requires that are still empty. The confirm button carries the transition's own label; a refusal stays in the
 * dialog, so what was typed is not lost.
 */
final class TransitionDialog extends Dialog {

    /** What the dialog hands over when confirmed. */
    interface Confirm {
        void take(TransitionDialog dialog, String comment, Map<String, Object> values);
    }

    private final TextArea comment = new TextArea();
    private final List<FieldEditor> editors;
    private final Paragraph error = new Paragraph();

    TransitionDialog(Transition move, List<FieldEditor> editors, Locale locale, Confirm confirm) {
        this.editors = editors;
        setId("transition-dialog");
        setHeaderTitle(move.label().in(locale));
        setWidth("min(32rem, 95vw)");
        error.setId("transition-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        add(error);
        if (!editors.isEmpty()) {
            add(new Paragraph(getTranslation("workflow.ui.fieldsHelp")));
            editors.forEach(e -> {
                e.setRequired(true);
                add(e.component());
            });
        }
        if (move.comment() != Transition.Comment.NONE) {
            boolean required = move.comment() == Transition.Comment.REQUIRED;
            comment.setId("transition-comment");
            comment.setLabel(getTranslation(required ? "workflow.ui.commentRequired" : "workflow.ui.commentOptional"));
            comment.setHelperText(getTranslation("workflow.ui.commentHelp", Workflows.MAX_COMMENT));
            comment.setMaxLength(Workflows.MAX_COMMENT);
            comment.setRequiredIndicatorVisible(required);
            comment.setWidthFull();
            comment.setMinHeight("6rem");
            add(comment);
        }
        Button cancel = new Button(getTranslation("workflow.ui.cancel"), click -> close());
        cancel.setId("transition-cancel");
        Button ok = new Button(move.label().in(locale), click -> {
            Map<String, Object> values = new LinkedHashMap<>();
            editors.forEach(e -> {
                if (e.value() != null) {
                    values.put(e.field().id(), e.value());
                }
            });
            confirm.take(this, comment.getValue(), values);
        });
        ok.setId("transition-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, ok);
    }

    /** Shows why the transition was refused, e.g. 执行“处理完成”需要填写说明. */
    void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    /** Shows the write's errors beside the fields of this dialog; the others as the dialog's error. */
    void showErrors(List<FieldError> errors, Locale locale) {
        StringBuilder other = new StringBuilder();
        for (FieldError e : errors) {
            FieldEditor editor = editors.stream().filter(x -> x.field().id().equals(e.fieldId())).findFirst()
                    .orElse(null);
            String text = e.message().in(locale);
            if (editor != null) {
                editor.setError(text);
            } else {
                other.append(other.isEmpty() ? "" : "\n").append(text);
            }
        }
        if (!other.isEmpty()) {
            showError(other.toString());
        }
    }

    /** The fields a transition requires that are still empty, in its order. */
    static List<FieldDefinition> missing(Transition move, io.kehu.platform.forms.FormDefinition form,
            io.kehu.platform.records.Record record) {
        return move.requires().stream().flatMap(id -> form.field(id).stream())
                .filter(f -> {
                    Object v = record.get(f.id());
                    return v == null || v instanceof String s && s.isBlank()
                            || v instanceof java.util.Collection<?> c && c.isEmpty();
                }).toList();
    }
}
