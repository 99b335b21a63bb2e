package io.kehu.platform.designer.workflow;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.kehu.platform.designer.workflow.WorkflowEditing.WorkflowChoice;
import io.kehu.platform.forms.FormDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code createRecord} (a form, by name) and {@code startWorkflow} (a process, by name): the new record's values,
 * each a field of the target form and the expression that fills it.
 */
final class RecordForm extends VerticalLayout implements WritesBack {

    private final ObjectNode action;
    private final boolean startsWorkflow;
    private final ComboBox<String> target;
    private final ValuesEditor values;

    RecordForm(String id, ObjectNode action, WorkflowEditing editing) {
        this.action = action;
        setPadding(false);
        startsWorkflow = "startWorkflow".equals(action.path("type").asString(""));
        Map<String, String> choices = new LinkedHashMap<>();
        if (startsWorkflow) {
            String self = editing.workflows().values().stream()
                    .filter(w -> w.form().equals(editing.form().id())).map(WorkflowChoice::id).findFirst()
                    .orElse("");
            editing.workflows().values().stream().filter(w -> !w.id().equals(self)).forEach(w ->
                    choices.put(w.id(), WorkflowEditing.label(w.label(), w.id(), Pickers.locale())));
            target = Pickers.one(id + "-workflow", getTranslation("wf.start.workflow"), choices,
                    action.path("workflow").asString(""));
        } else {
            editing.forms().forEach(f -> choices.put(f.id(),
                    WorkflowEditing.label(f.label(), f.id(), Pickers.locale())));
            target = Pickers.one(id + "-form", getTranslation("wf.create.form"), choices,
                    action.path("form").asString(""));
        }
        values = new ValuesEditor(id + "-values", action, () -> targetForm(editing));
        target.addValueChangeListener(e -> values.targetChanged());
        add(target, values);
    }

    private FormDefinition targetForm(WorkflowEditing editing) {
        String chosen = target.getValue();
        if (chosen == null) {
            return null;
        }
        if (startsWorkflow) {
            WorkflowChoice workflow = editing.workflows().get(chosen);
            return workflow == null ? null : editing.publishedForm(workflow.form());
        }
        return editing.publishedForm(chosen);
    }

    @Override
    public void write() {
        JsonEdits.text(action, startsWorkflow ? "workflow" : "form", target.getValue());
        values.write();
    }
}
