package io.kehu.platform.designer.workflow;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H5;
import com.vaadin.flow.component.textfield.TextField;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code createTask}: what the task says (zh/en), who gets it (the same chooser as who may act: the first eligible
 * person), by when (4 小时, 3 天; in working time or not) and its kind, a short name lists filter by.
 */
final class TaskForm extends FormLayout implements WritesBack {

    private final ObjectNode action;
    private final TextField kind = new TextField();
    private final LocalizedInputs title;
    private final ActorsEditor assignee;
    private final DurationInput due;
    private final Checkbox workingTime;

    TaskForm(String id, ObjectNode action, WorkflowEditing editing) {
        this.action = action;
        title = new LocalizedInputs(id + "-title", getTranslation("wf.task.title"), action, "title");
        kind.setId(id + "-kind");
        kind.setLabel(getTranslation("wf.task.kind"));
        kind.setHelperText(getTranslation("wf.task.kind.help"));
        kind.setValue(action.path("kind").asString(""));
        due = new DurationInput(id + "-due", getTranslation("wf.task.due"));
        due.setValue(action.path("due").asString(""));
        workingTime = new Checkbox(getTranslation("wf.workingTime"), action.path("workingTime").asBoolean(false));
        workingTime.setId(id + "-working");
        assignee = new ActorsEditor(id + "-assignee", action, "assignee", editing);
        assignee.addComponentAsFirst(new H5(getTranslation("wf.task.assignee")));
        add(title.zh, title.en, due, workingTime, kind);
        add(assignee);
        setColspan(assignee, 2);
    }

    @Override
    public void write() {
        JsonEdits.text(action, "kind", kind.getValue());
        title.write();
        assignee.write();
        JsonEdits.duration(action, "due", due.getValue());
        JsonEdits.flag(action, "workingTime", workingTime.getValue(), false);
    }
}
