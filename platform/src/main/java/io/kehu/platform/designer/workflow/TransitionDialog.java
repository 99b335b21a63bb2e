package io.kehu.platform.designer.workflow;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import io.kehu.platform.designer.ScriptField;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * A transition's settings as forms: who may act, the guard (condition builder, Groovy for experts) with the message
 * people see when it refuses, the fields that must be filled, whether a comment is asked for, and the actions. Works
 * on a copy; 确定 writes the forms into it and puts it in place of the transition, keys it does not edit untouched.
 */
public final class TransitionDialog extends Dialog {

    static final List<String> COMMENT_MODES = List.of("none", "optional", "required");

    private final ObjectNode transition;
    private final ObjectNode copy;
    private final Span problems = new Span();
    private final List<WritesBack> parts = new ArrayList<>();

    /** {@code applied} runs after 确定 changed the transition. */
    public TransitionDialog(ObjectNode transition, WorkflowEditing editing, Runnable applied) {
        this.transition = transition;
        this.copy = transition.deepCopy();
        setId("wf-transition-dialog");
        setHeaderTitle(getTranslation("wf.tr.title",
                WorkflowEditing.label(transition.path("label"), transition.path("id").asString(""),
                        Pickers.locale())));
        setWidth("min(56em, 100vw)");

        ActorsEditor actors = new ActorsEditor("wf-tr-actors", copy, "actors", editing);
        parts.add(actors);
        H4 actorsTitle = new H4(getTranslation("wf.tr.actors"));
        // Approvers take an approval transition: who may act then does not apply (the approval removes it).
        ApprovalEditor[] approval = new ApprovalEditor[1];
        approval[0] = new ApprovalEditor(copy, editing, () -> {
            actors.setVisible(!approval[0].on());
            actorsTitle.setVisible(!approval[0].on());
        });
        actors.setVisible(!approval[0].on());
        actorsTitle.setVisible(!approval[0].on());
        parts.add(approval[0]);

        ScriptField guard = editing.conditions().condition("wf-tr-guard", getTranslation("wf.tr.guard"),
                editing::form, ignored -> { });
        guard.setScript(copy.path("guard").asString(""));
        parts.add(() -> JsonEdits.text(copy, "guard", guard.value()));
        LocalizedInputs message = new LocalizedInputs("wf-tr-guard-message", getTranslation("wf.tr.guardMessage"),
                copy, "guardMessage");
        parts.add(message);

        MultiSelectComboBox<String> requires = Pickers.many("wf-tr-requires", getTranslation("wf.tr.requires"),
                Pickers.fieldLabels(editing.valueFields()), JsonEdits.strings(copy.get("requires")));
        parts.add(() -> JsonEdits.list(copy, "requires", Pickers.chosen(requires)));

        Select<String> comment = new Select<>();
        comment.setId("wf-tr-comment");
        comment.setLabel(getTranslation("wf.tr.comment"));
        String mode = copy.path("comment").asString("none");
        List<String> modes = new ArrayList<>(COMMENT_MODES);
        if (!modes.contains(mode)) {
            modes.add(mode);
        }
        comment.setItems(modes);
        comment.setItemLabelGenerator(m -> COMMENT_MODES.contains(m) ? getTranslation("wf.comment." + m) : m);
        comment.setValue(mode);
        parts.add(() -> {
            if (copy.has("comment") || !"none".equals(comment.getValue())) {
                copy.put("comment", comment.getValue());
            }
        });

        ActionsEditor actions = new ActionsEditor(copy, editing);
        parts.add(actions);

        problems.setId(getId().orElse("") + "-problems");
        problems.setVisible(false);
        problems.getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "pre-wrap");
        VerticalLayout body = new VerticalLayout(problems, actorsTitle, actors,
                new H4(getTranslation("wf.approval.title")), approval[0],
                new H4(getTranslation("wf.tr.conditions")), guard, message.zh, message.en, requires, comment,
                new H4(getTranslation("wf.tr.actions")), actions);
        body.setPadding(false);
        add(body);

        Button cancel = new Button(getTranslation("wf.cancel"), e -> close());
        cancel.setId("wf-tr-cancel");
        Button apply = new Button(getTranslation("wf.apply"), e -> {
            apply();
            applied.run();
            close();
        });
        apply.setId("wf-tr-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, apply);
    }

    /** Shows the reader's problems with this row above the settings ("" for none). */
    public void showProblems(String text) {
        problems.setText(text);
        problems.setVisible(!text.isBlank());
    }

    private void apply() {
        parts.forEach(WritesBack::write);
        transition.removeAll();
        transition.setAll(copy);
    }
}
