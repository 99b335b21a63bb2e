package io.kehu.platform.designer.workflow;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.platform.forms.FormDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code values} of a new record: rows of a target field (by label) and the Groovy expression that fills it
 * ({@code record.customer}, {@code 'phone'}, {@code now}, {@code user.id}).
 */
final class ValuesEditor extends VerticalLayout implements WritesBack {

    /** One row as the administrator left it. */
    private static final class Row {
        String field;
        String expression;

        Row(String field, String expression) {
            this.field = field;
            this.expression = expression;
        }
    }

    private final String id;
    private final ObjectNode action;
    private final Supplier<FormDefinition> target;
    private final List<Row> rows = new ArrayList<>();

    ValuesEditor(String id, ObjectNode action, Supplier<FormDefinition> target) {
        this.id = id;
        this.action = action;
        this.target = target;
        setId(id);
        setPadding(false);
        setSpacing(false);
        if (action.get("values") instanceof ObjectNode values) {
            values.properties().forEach(e -> rows.add(new Row(e.getKey(), e.getValue().asString(""))));
        }
        render();
    }

    /** Another form was chosen: its fields are offered. */
    void targetChanged() {
        render();
    }

    private void render() {
        removeAll();
        Span title = new Span(getTranslation("wf.values"));
        title.getStyle().set("font-size", "var(--lumo-font-size-s)").set("font-weight", "500");
        add(title);
        FormDefinition form = target.get();
        Map<String, String> fields = form == null ? new LinkedHashMap<>()
                : Pickers.fieldLabels(WorkflowEditing.valueFields(form));
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            int index = i;
            ComboBox<String> field = Pickers.one(id + "-" + i + "-field", getTranslation("wf.values.field"), fields,
                    row.field);
            field.addValueChangeListener(e -> row.field = e.getValue());
            TextField expression = new TextField(getTranslation("wf.values.expression"), row.expression, "");
            expression.setId(id + "-" + i + "-expression");
            expression.setWidthFull();
            expression.addValueChangeListener(e -> row.expression = e.getValue());
            Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
                rows.remove(index);
                render();
            });
            remove.setId(id + "-" + i + "-remove");
            remove.setAriaLabel(getTranslation("wf.remove"));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_ICON);
            HorizontalLayout line = new HorizontalLayout(field, expression, remove);
            line.setWidthFull();
            line.setAlignItems(FlexComponent.Alignment.BASELINE);
            add(line);
        }
        Button add = new Button(getTranslation("wf.values.add"), VaadinIcon.PLUS.create(), e -> {
            rows.add(new Row(null, ""));
            render();
        });
        add.setId(id + "-add");
        add.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        add(add);
    }

    @Override
    public void write() {
        Map<String, String> written = new LinkedHashMap<>();
        rows.stream().filter(r -> r.field != null && !r.field.isBlank())
                .forEach(r -> written.put(r.field, r.expression == null ? "" : r.expression));
        Map<String, String> old = new LinkedHashMap<>();
        if (action.get("values") instanceof ObjectNode values) {
            values.properties().forEach(e -> old.put(e.getKey(), e.getValue().asString("")));
            if (old.equals(written) && List.copyOf(old.keySet()).equals(List.copyOf(written.keySet()))) {
                return;
            }
        } else if (written.isEmpty()) {
            return;
        }
        ObjectNode values = action.putObject("values");
        written.forEach(values::put);
    }
}
