package io.kehu.platform.designer.workflow;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H5;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A transition's approval by several people ({@code approval}): 或签 (any one, or how many of them) or 会签 (all), the
 * approvers — one seat each, picked with the same chooser as who may act (roles, the owner, a user field, never the
 * creator …) —, and the approvers' task (text, kind, due). Switched on, the transition's own "who may act" no longer
 * applies (the approvers take it), so the dialog hides it and 确定 removes it.
 */
final class ApprovalEditor extends VerticalLayout implements WritesBack {

    private final ObjectNode transition;
    private final WorkflowEditing editing;
    private final Checkbox enabled;
    private final Select<String> mode = new Select<>();
    private final IntegerField count = new IntegerField();
    private final TextField kind = new TextField();
    private final LocalizedInputs title;
    private final DurationInput due;
    private final Checkbox workingTime;
    private final VerticalLayout seatList = new VerticalLayout();
    private final List<Seat> seats = new ArrayList<>();
    private final ObjectNode approval;
    private final boolean existed;
    private int seatsMade;

    /** One approver's rule, edited through a holder object so that {@link ActorsEditor} can edit it by key. */
    private record Seat(ObjectNode holder, ActorsEditor editor, Div block) {
    }

    ApprovalEditor(ObjectNode transition, WorkflowEditing editing, Runnable toggled) {
        this.transition = transition;
        this.editing = editing;
        setId("wf-tr-approval");
        setPadding(false);
        existed = transition.get("approval") instanceof ObjectNode;
        approval = JsonEdits.objectOrNew(transition, "approval");
        enabled = new Checkbox(getTranslation("wf.approval.on"), existed);
        enabled.setId("wf-tr-approval-on");
        mode.setId("wf-tr-approval-mode");
        mode.setLabel(getTranslation("wf.approval.mode"));
        mode.setItems("any", "all");
        mode.setItemLabelGenerator(m -> getTranslation("wf.approval.mode." + m));
        mode.setValue("all".equals(approval.path("mode").asString("")) ? "all" : "any");
        count.setId("wf-tr-approval-count");
        count.setLabel(getTranslation("wf.approval.count"));
        count.setMin(1);
        count.setStepButtonsVisible(true);
        count.setValue(approval.path("count").asInt(1));
        title = new LocalizedInputs("wf-tr-approval-title", getTranslation("wf.task.title"), approval, "title");
        kind.setId("wf-tr-approval-kind");
        kind.setLabel(getTranslation("wf.task.kind"));
        kind.setHelperText(getTranslation("wf.task.kind.help"));
        kind.setValue(approval.path("kind").asString(""));
        due = new DurationInput("wf-tr-approval-due", getTranslation("wf.task.due"));
        due.setValue(approval.path("due").asString(""));
        workingTime = new Checkbox(getTranslation("wf.workingTime"), approval.path("workingTime").asBoolean(false));
        workingTime.setId("wf-tr-approval-working");
        FormLayout form = new FormLayout(mode, count, title.zh, title.en, kind, due, workingTime);
        seatList.setPadding(false);
        if (approval.get("approvers") instanceof ArrayNode approvers) {
            approvers.forEach(this::addSeat);
        }
        Button add = new Button(getTranslation("wf.approval.addSeat"), e -> addSeat(JsonNodeFactory.instance
                .objectNode()));
        add.setId("wf-tr-approval-add");
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        VerticalLayout details = new VerticalLayout(form, new H5(getTranslation("wf.approval.seats")), seatList, add);
        details.setPadding(false);
        details.setVisible(existed);
        count.setVisible("any".equals(mode.getValue()));
        mode.addValueChangeListener(e -> count.setVisible("any".equals(e.getValue())));
        enabled.addValueChangeListener(e -> {
            details.setVisible(e.getValue());
            if (e.getValue() && seats.isEmpty()) {
                addSeat(JsonNodeFactory.instance.objectNode());
            }
            toggled.run();
        });
        add(enabled, details);
    }

    /** Whether the transition is taken by approvers (its "who may act" then does not apply). */
    boolean on() {
        return enabled.getValue();
    }

    private void addSeat(JsonNode rule) {
        ObjectNode holder = JsonNodeFactory.instance.objectNode();
        holder.set("rule", rule);
        String id = "wf-tr-approval-seat-" + seatsMade++;
        ActorsEditor editor = new ActorsEditor(id, holder, "rule", editing);
        Div block = new Div();
        Seat seat = new Seat(holder, editor, block);
        Button remove = new Button(getTranslation("wf.approval.removeSeat"), e -> {
            seats.remove(seat);
            seatList.remove(block);
        });
        remove.setId(id + "-remove");
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        block.add(new H5(getTranslation("wf.approval.seat")), editor, remove);
        block.getStyle().set("border-inline-start", "3px solid var(--lumo-contrast-20pct)")
                .set("padding-inline-start", "var(--lumo-space-s)");
        seats.add(seat);
        seatList.add(block);
    }

    @Override
    public void write() {
        if (!enabled.getValue()) {
            transition.remove("approval");
            return;
        }
        approval.put("mode", mode.getValue());
        Integer quorum = count.getValue();
        if ("any".equals(mode.getValue()) && quorum != null && (quorum > 1 || approval.has("count"))) {
            approval.put("count", quorum);
        } else {
            approval.remove("count");
        }
        ArrayNode approvers = JsonNodeFactory.instance.arrayNode();
        for (Seat seat : seats) {
            seat.editor().write();
            JsonNode rule = seat.holder().get("rule");
            approvers.add(rule instanceof ObjectNode ? rule : JsonNodeFactory.instance.objectNode());
        }
        if (!approvers.equals(approval.get("approvers"))) {
            approval.set("approvers", approvers);
        }
        JsonEdits.text(approval, "kind", kind.getValue());
        title.write();
        JsonEdits.duration(approval, "due", due.getValue());
        JsonEdits.flag(approval, "workingTime", workingTime.getValue(), false);
        if (!existed) {
            transition.set("approval", approval);
        }
        transition.remove("actors");
    }
}
