package io.kehu.platform.designer.workflow;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A scheduled step ({@code timers[]}, e.g. "3 days after 已解决, close"): the state it waits in, how long (minutes,
 * hours, days; in working time or not) and the transition the platform then takes — only those leaving that state
 * are offered. Works on a copy like {@link StateDialog}; 确定 writes back only the keys it edits, in place.
 */
public final class TimerDialog extends Dialog {

    private final ObjectNode copy;
    private final Span problems = new Span();
    private final Select<String> transition = new Select<>();
    private final JsonNode workflow;

    /** {@code workflow} is the definition being edited (its states and transitions); {@code applied} runs after 确定. */
    public TimerDialog(ObjectNode timer, JsonNode workflow, Runnable applied) {
        this.copy = timer.deepCopy();
        this.workflow = workflow;
        setId("wf-timer-dialog");
        setHeaderTitle(getTranslation("wf.timer.title"));
        setWidth("min(40em, 100vw)");

        TextField id = new TextField(getTranslation("wf.timer.id"));
        id.setId("wf-timer-id");
        id.setHelperText(getTranslation("wf.task.kind.help"));
        id.setValue(copy.path("id").asString(""));
        Select<String> state = new Select<>();
        state.setId("wf-timer-state");
        state.setLabel(getTranslation("wf.timer.state"));
        List<String> states = ids(workflow.path("states"));
        state.setItems(states);
        state.setItemLabelGenerator(s -> label("states", s));
        String waitsIn = copy.path("state").asString("");
        state.setValue(states.contains(waitsIn) ? waitsIn : null);
        DurationInput after = new DurationInput("wf-timer-after", getTranslation("wf.timer.after"));
        after.setValue(copy.path("after").asString(""));
        Checkbox working = new Checkbox(getTranslation("wf.workingTime"), copy.path("workingTime").asBoolean(false));
        working.setId("wf-timer-working");
        transition.setId("wf-timer-transition");
        transition.setLabel(getTranslation("wf.timer.transition"));
        transition.setItemLabelGenerator(t -> label("transitions", t));
        offer(state.getValue(), copy.path("transition").asString(""));
        state.addValueChangeListener(e -> offer(e.getValue(), transition.getValue()));

        problems.setId(getId().orElse("") + "-problems");
        problems.setVisible(false);
        problems.getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "pre-wrap");
        Span help = new Span(getTranslation("wf.timer.help"));
        help.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        VerticalLayout body = new VerticalLayout(problems, help, new FormLayout(state, after, working, transition, id));
        body.setPadding(false);
        add(body);

        Button cancel = new Button(getTranslation("wf.cancel"), e -> close());
        cancel.setId("wf-timer-cancel");
        Button apply = new Button(getTranslation("wf.apply"), e -> {
            JsonEdits.text(copy, "id", id.getValue());
            JsonEdits.text(copy, "state", state.getValue());
            JsonEdits.duration(copy, "after", after.getValue());
            JsonEdits.flag(copy, "workingTime", working.getValue(), false);
            JsonEdits.text(copy, "transition", transition.getValue());
            timer.removeAll();
            timer.setAll(copy);
            applied.run();
            close();
        });
        apply.setId("wf-timer-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, apply);
    }

    /** Shows the reader's problems with this row above the settings ("" for none). */
    public void showProblems(String text) {
        problems.setText(text);
        problems.setVisible(!text.isBlank());
    }

    /** The transitions leaving {@code state} (the reader refuses any other), keeping {@code chosen} if it is one. */
    private void offer(String state, String chosen) {
        List<String> leaving = new ArrayList<>();
        for (JsonNode t : workflow.path("transitions")) {
            if (state != null && ids(t.path("from")).contains(state)) {
                leaving.add(t.path("id").asString(""));
            }
        }
        transition.setItems(leaving);
        transition.setValue(leaving.contains(chosen) ? chosen : null);
    }

    private String label(String list, String id) {
        Locale locale = Pickers.locale();
        for (JsonNode node : workflow.path(list)) {
            if (id.equals(node.path("id").asString(""))) {
                return WorkflowEditing.label(node.path("label"), id, locale);
            }
        }
        return id;
    }

    /** The ids of a list of objects, or the strings of a list of strings. */
    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(n -> ids.add(n.isObject() ? n.path("id").asString("") : n.asString("")));
        return ids;
    }
}
