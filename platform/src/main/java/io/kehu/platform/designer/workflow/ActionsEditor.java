package io.kehu.platform.designer.workflow;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A transition's actions, run in order with the move: each with its own small form, moved up or down, removed, and
 * added by kind (设置字段, 创建待办, 发送通知, 新建记录, 启动流程).
 */
final class ActionsEditor extends VerticalLayout implements WritesBack {

    static final List<String> KINDS = List.of("setField", "createTask", "notify", "createRecord", "startWorkflow");

    private final ObjectNode transition;
    private final WorkflowEditing editing;
    private final List<WritesBack> forms = new ArrayList<>();

    ActionsEditor(ObjectNode transition, WorkflowEditing editing) {
        this.transition = transition;
        this.editing = editing;
        setId("wf-actions");
        setPadding(false);
        render();
    }

    private void render() {
        removeAll();
        forms.clear();
        ArrayNode actions = transition.get("actions") instanceof ArrayNode a ? a : null;
        if (actions == null || actions.isEmpty()) {
            Span none = new Span(getTranslation("wf.actions.none"));
            none.setId("wf-actions-none");
            none.getStyle().set("color", "var(--lumo-secondary-text-color)");
            add(none);
        }
        for (int i = 0; actions != null && i < actions.size(); i++) {
            add(card(actions, i));
        }
        HorizontalLayout adders = new HorizontalLayout();
        adders.getStyle().set("flex-wrap", "wrap");
        for (String kind : KINDS) {
            Button add = new Button(getTranslation("wf.action." + kind), VaadinIcon.PLUS.create(), e -> addAction(kind));
            add.setId("wf-action-add-" + kind);
            add.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            adders.add(add);
        }
        add(adders);
    }

    private Component card(ArrayNode actions, int index) {
        String id = "wf-action-" + index;
        JsonNode action = actions.get(index);
        String kind = action.path("type").asString("");
        Span title = new Span((index + 1) + ". " + (KINDS.contains(kind) ? getTranslation("wf.action." + kind)
                : getTranslation("wf.action.unknown")));
        title.setId(id + "-title");
        title.getStyle().set("font-weight", "600");
        Button up = icon(VaadinIcon.ARROW_UP, id + "-up", "wf.action.up", () -> move(index, index - 1));
        up.setEnabled(index > 0);
        Button down = icon(VaadinIcon.ARROW_DOWN, id + "-down", "wf.action.down", () -> move(index, index + 1));
        down.setEnabled(index < actions.size() - 1);
        Button remove = icon(VaadinIcon.TRASH, id + "-remove", "wf.remove", () -> remove(index));
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout head = new HorizontalLayout(title, up, down, remove);
        head.setAlignItems(FlexComponent.Alignment.CENTER);
        VerticalLayout card = new VerticalLayout(head);
        card.setId(id);
        card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-m)");
        if (action instanceof ObjectNode node) {
            Component form = form(id, kind, node);
            card.add(form);
        }
        return card;
    }

    private Component form(String id, String kind, ObjectNode node) {
        Component form = switch (kind) {
            case "setField" -> new SetFieldForm(id, node, editing);
            case "createTask" -> new TaskForm(id, node, editing);
            case "notify" -> new NotifyForm(id, node, editing);
            case "createRecord", "startWorkflow" -> new RecordForm(id, node, editing);
            default -> new Span(getTranslation("wf.action.jsonOnly"));
        };
        if (form instanceof WritesBack part) {
            forms.add(part);
        }
        return form;
    }

    private Button icon(VaadinIcon icon, String id, String label, Runnable action) {
        Button button = new Button(icon.create(), e -> action.run());
        button.setId(id);
        button.setAriaLabel(getTranslation(label));
        button.setTooltipText(getTranslation(label));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        return button;
    }

    private void addAction(String kind) {
        write();
        ArrayNode actions = transition.get("actions") instanceof ArrayNode a ? a : transition.putArray("actions");
        ObjectNode action = actions.addObject().put("type", kind);
        switch (kind) {
            case "setField" -> action.put("field", "").put("value", "$empty");
            case "createTask" -> {
                action.put("kind", "task");
                action.putObject("title").put("zh", "").put("en", "");
            }
            case "notify" -> action.putObject("message").put("zh", "").put("en", "");
            case "createRecord" -> action.put("form", "").putObject("values");
            default -> action.put("workflow", "");
        }
        render();
    }

    private void move(int from, int to) {
        write();
        ArrayNode actions = (ArrayNode) transition.get("actions");
        JsonNode moved = actions.get(from);
        actions.set(from, actions.get(to));
        actions.set(to, moved);
        render();
    }

    private void remove(int index) {
        write();
        ArrayNode actions = (ArrayNode) transition.get("actions");
        actions.remove(index);
        if (actions.isEmpty()) {
            transition.remove("actions");
        }
        render();
    }

    @Override
    public void write() {
        forms.forEach(WritesBack::write);
    }
}
