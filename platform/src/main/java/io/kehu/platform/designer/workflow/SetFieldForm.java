package io.kehu.platform.designer.workflow;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldOption;
import io.kehu.platform.forms.FieldType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code setField}: a field of the form and its new value — the person acting, now, today, empty, or a value typed
 * as the field takes it (a date picker for dates, the options of a choice, 是/否, a number).
 */
final class SetFieldForm extends FormLayout implements WritesBack {

    static final String LITERAL = "literal";

    private final ObjectNode action;
    private final WorkflowEditing editing;
    private final ComboBox<String> field;
    private final Select<String> mode = new Select<>();
    private final Div literalBox = new Div();
    private final String id;
    private Supplier<String> literal = () -> "";

    SetFieldForm(String id, ObjectNode action, WorkflowEditing editing) {
        this.id = id;
        this.action = action;
        this.editing = editing;
        field = Pickers.one(id + "-field", getTranslation("wf.set.field"),
                Pickers.fieldLabels(editing.valueFields()), action.path("field").asString(""));
        mode.setId(id + "-mode");
        mode.setLabel(getTranslation("wf.set.value"));
        mode.setItemLabelGenerator(m -> getTranslation("wf.set." + (m.startsWith("$") ? m.substring(1) : m)));
        String value = action.path("value").asString("");
        String current = value.startsWith("$") ? value : LITERAL;
        offer(current);
        mode.setValue(current);
        showLiteral(LITERAL.equals(current) ? value : "");
        field.addValueChangeListener(e -> {
            offer(mode.getValue());
            showLiteral("");
        });
        mode.addValueChangeListener(e -> showLiteral(""));
        add(field, mode, literalBox);
    }

    private FieldDefinition chosenField() {
        return field.getValue() == null ? null : editing.form().field(field.getValue()).orElse(null);
    }

    /** The values that fit the chosen field; {@code keep} stays offered so nothing the JSON says is lost. */
    private void offer(String keep) {
        FieldDefinition f = chosenField();
        FieldType type = f == null ? null : f.storedType();
        List<String> modes = new ArrayList<>();
        if (type == null || type == FieldType.USER) {
            modes.add("$actor");
        }
        if (type == null || type == FieldType.DATETIME) {
            modes.add("$now");
        }
        if (type == null || type == FieldType.DATE) {
            modes.add("$today");
        }
        modes.add("$empty");
        if (type != FieldType.USER) {
            modes.add(LITERAL);
        }
        if (keep != null && !modes.contains(keep)) {
            modes.add(keep);
        }
        String before = mode.getValue();
        mode.setItems(modes);
        mode.setValue(modes.contains(before) ? before : modes.getFirst());
    }

    private void showLiteral(String text) {
        literalBox.removeAll();
        literal = () -> "";
        if (!LITERAL.equals(mode.getValue())) {
            return;
        }
        FieldDefinition f = chosenField();
        Component input = input(f, text);
        literalBox.add(input);
    }

    private Component input(FieldDefinition f, String text) {
        String label = getTranslation("wf.set.literal");
        FieldType type = f == null ? FieldType.TEXT : f.storedType();
        switch (type) {
            case BOOLEAN -> {
                Map<String, String> yesNo = new LinkedHashMap<>();
                yesNo.put("true", getTranslation("designer.cond.yes"));
                yesNo.put("false", getTranslation("designer.cond.no"));
                return choice(label, yesNo, text);
            }
            case SELECT -> {
                Map<String, String> options = new LinkedHashMap<>();
                for (FieldOption o : f.options()) {
                    options.put(o.value(), WorkflowEditing.label(o.label(), o.value(), Pickers.locale()));
                }
                return choice(label, options, text);
            }
            case INTEGER, DECIMAL, MONEY, PERCENT, RATING -> {
                BigDecimal number = parseNumber(text);
                if (number != null || text.isBlank()) {
                    BigDecimalField input = new BigDecimalField(label);
                    input.setValue(number);
                    literal = () -> input.getValue() == null ? "" : input.getValue().toPlainString();
                    return withId(input);
                }
            }
            case DATE -> {
                LocalDate date = parseDate(text);
                if (date != null || text.isBlank()) {
                    DatePicker input = new DatePicker(label, date);
                    literal = () -> input.getValue() == null ? "" : input.getValue().toString();
                    return withId(input);
                }
            }
            default -> {
            }
        }
        TextField input = new TextField(label, text, "");
        literal = input::getValue;
        return withId(input);
    }

    private Component choice(String label, Map<String, String> choices, String text) {
        ComboBox<String> box = Pickers.one(id + "-literal", label, choices, text);
        literal = () -> box.getValue() == null ? "" : box.getValue();
        return box;
    }

    private <C extends Component & HasValue<?, ?>> C withId(C input) {
        input.setId(id + "-literal");
        return input;
    }

    private static BigDecimal parseNumber(String text) {
        try {
            return text.isBlank() ? null : new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate parseDate(String text) {
        try {
            return text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public void write() {
        JsonEdits.text(action, "field", field.getValue());
        String value = LITERAL.equals(mode.getValue()) ? literal.get() : mode.getValue();
        if (!(value == null ? "" : value).equals(action.path("value").asString(null))) {
            action.put("value", value == null ? "" : value);
        }
    }
}
