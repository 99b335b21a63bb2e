package io.kehu.platform.designer.workflow;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * A state's settings: colour, initial and final, the fields that may change while a record is in it, its time limit
 * (how long, reminder before, working time or not, what a missed deadline does) and whether it pauses the clock
 * (等待客户回复). Works on a copy like {@link TransitionDialog}.
 */
public final class StateDialog extends Dialog {

    /** The colours a state may have, as the definition names them. */
    public static final List<String> COLOURS = List.of("grey", "blue", "green", "orange", "red", "purple");
    private static final List<String> BREACHES = List.of("notifyManager", "reassignToManager");

    private final ObjectNode copy;
    private final Span problems = new Span();

    /** {@code applied} runs after 确定 changed the state. */
    public StateDialog(ObjectNode state, WorkflowEditing editing, Runnable applied) {
        this.copy = state.deepCopy();
        setId("wf-state-dialog");
        setHeaderTitle(getTranslation("wf.st.title",
                WorkflowEditing.label(state.path("label"), state.path("id").asString(""), Pickers.locale())));
        setWidth("min(44em, 100vw)");

        Select<String> colour = new Select<>();
        colour.setId("wf-st-colour");
        colour.setLabel(getTranslation("wf.state.colour"));
        colour.setItems(COLOURS);
        colour.setItemLabelGenerator(c -> getTranslation("wf.colour." + c));
        String current = copy.path("color").asString("");
        colour.setValue(COLOURS.contains(current) ? current : null);
        Checkbox initial = box("wf-st-initial", "wf.state.initial", copy.path("initial").asBoolean(false));
        Checkbox terminal = box("wf-st-final", "wf.state.final", copy.path("final").asBoolean(false));
        Checkbox pauses = box("wf-st-pauses", "wf.st.pausesSla", copy.path("pausesSla").asBoolean(false));

        Checkbox restrict = box("wf-st-restrict", "wf.st.restrict", copy.has("editable"));
        MultiSelectComboBox<String> editable = Pickers.many("wf-st-editable", getTranslation("wf.st.editable"),
                Pickers.fieldLabels(editing.valueFields()), JsonEdits.strings(copy.get("editable")));
        editable.setEnabled(restrict.getValue());
        restrict.addValueChangeListener(e -> editable.setEnabled(e.getValue()));

        ObjectNode sla = JsonEdits.objectOrNew(copy, "sla");
        Checkbox limited = box("wf-st-sla", "wf.st.sla", copy.has("sla"));
        DurationInput within = new DurationInput("wf-st-within", getTranslation("wf.st.within"));
        within.setValue(sla.path("within").asString(""));
        DurationInput remind = new DurationInput("wf-st-remind", getTranslation("wf.st.remindBefore"));
        remind.setValue(sla.path("remindBefore").asString(""));
        Checkbox working = box("wf-st-working", "wf.workingTime", sla.path("workingTime").asBoolean(true));
        List<String> breaches = JsonEdits.strings(sla.get("onBreach"));
        Checkbox notifyManager = box("wf-st-notify-manager", "wf.st.notifyManager",
                breaches.contains("notifyManager"));
        Checkbox reassign = box("wf-st-reassign", "wf.st.reassignToManager", breaches.contains("reassignToManager"));
        FormLayout slaForm = new FormLayout(within, remind, working, notifyManager, reassign);
        slaForm.setEnabled(limited.getValue());
        limited.addValueChangeListener(e -> slaForm.setEnabled(e.getValue()));

        problems.setId(getId().orElse("") + "-problems");
        problems.setVisible(false);
        problems.getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "pre-wrap");
        VerticalLayout body = new VerticalLayout(problems, new FormLayout(colour, initial, terminal),
                new H4(getTranslation("wf.st.fields")), restrict, editable, new H4(getTranslation("wf.st.clock")),
                limited, slaForm, pauses);
        body.setPadding(false);
        add(body);

        Button cancel = new Button(getTranslation("wf.cancel"), e -> close());
        cancel.setId("wf-st-cancel");
        Button apply = new Button(getTranslation("wf.apply"), e -> {
            JsonEdits.text(copy, "color", colour.getValue());
            JsonEdits.flag(copy, "initial", initial.getValue());
            JsonEdits.flag(copy, "final", terminal.getValue());
            JsonEdits.flag(copy, "pausesSla", pauses.getValue());
            if (restrict.getValue()) {
                JsonEdits.listKeepingEmpty(copy, "editable", Pickers.chosen(editable));
            } else {
                copy.remove("editable");
            }
            if (limited.getValue()) {
                JsonEdits.duration(sla, "within", within.getValue());
                JsonEdits.duration(sla, "remindBefore", remind.getValue());
                JsonEdits.flag(sla, "workingTime", working.getValue(), true);
                List<String> chosen = new ArrayList<>();
                if (notifyManager.getValue()) {
                    chosen.add(BREACHES.get(0));
                }
                if (reassign.getValue()) {
                    chosen.add(BREACHES.get(1));
                }
                JsonEdits.list(sla, "onBreach", chosen);
                if (!copy.has("sla")) {
                    copy.set("sla", sla);
                }
            } else {
                copy.remove("sla");
            }
            state.removeAll();
            state.setAll(copy);
            applied.run();
            close();
        });
        apply.setId("wf-st-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, apply);
    }

    /** Shows the reader's problems with this row above the settings ("" for none). */
    public void showProblems(String text) {
        problems.setText(text);
        problems.setVisible(!text.isBlank());
    }

    private Checkbox box(String id, String label, boolean value) {
        Checkbox box = new Checkbox(getTranslation(label), value);
        box.setId(id);
        return box;
    }
}
