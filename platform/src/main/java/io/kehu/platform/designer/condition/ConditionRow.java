package io.kehu.platform.designer.condition;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.platform.designer.condition.ConditionBuilder.EditableRow;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldOption;
import io.kehu.platform.forms.FormDefinition;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * One row of the condition builder: the field (by its label), an operator fitting the field's type, and a value input
 * fitting both — options to pick for choice fields, a date picker, a number field, yes/no, or text.
 */
final class ConditionRow extends Div {

    private final EditableRow row;
    private final Runnable edited;

    ConditionRow(String id, EditableRow row, FormDefinition form, Runnable edited, Runnable structureEdited,
                 Runnable remove) {
        this.row = row;
        this.edited = edited;
        setId(id);
        getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-xs)")
                .set("align-items", "baseline");
        List<FieldDefinition> fields = form.fields().stream()
                .filter(f -> f.id() != null && FieldKind.of(f) != FieldKind.NONE).toList();
        ComboBox<FieldDefinition> field = new ComboBox<>();
        field.setId(id + "-field");
        field.setPlaceholder(getTranslation("designer.cond.field"));
        field.setItems(fields);
        field.setItemLabelGenerator(f -> f.label().isEmpty() ? f.id() : f.label().in(getLocale()));
        Optional<FieldDefinition> chosen = fields.stream().filter(f -> f.id().equals(row.field)).findFirst();
        chosen.ifPresent(field::setValue);
        field.setWidthFull();
        field.addValueChangeListener(e -> {
            row.field = e.getValue() == null ? null : e.getValue().id();
            FieldKind kind = e.getValue() == null ? FieldKind.NONE : FieldKind.of(e.getValue());
            row.operator = kind.operators().isEmpty() ? null : kind.operators().getFirst();
            row.values = new ArrayList<>();
            structureEdited.run();
        });
        add(field);
        if (chosen.isPresent()) {
            FieldKind kind = FieldKind.of(chosen.get());
            Select<Operator> operator = new Select<>();
            operator.setId(id + "-op");
            operator.setItems(kind.operators());
            operator.setItemLabelGenerator(op -> getTranslation(op.labelKey(kind)));
            operator.setValue(row.operator);
            operator.setWidth("8em");
            operator.addValueChangeListener(e -> {
                boolean listBefore = row.operator != null && row.operator.takesValues();
                row.operator = e.getValue();
                if (e.getValue() == null || !e.getValue().takesValue()
                        || e.getValue().takesValues() != listBefore) {
                    row.values = row.values.isEmpty() || e.getValue() == null || !e.getValue().takesValue()
                            ? new ArrayList<>() : new ArrayList<>(row.values.subList(0, 1));
                }
                structureEdited.run();
            });
            add(operator);
            if (row.operator != null && row.operator.takesValue()) {
                Component value = value(chosen.get(), kind);
                value.setId(id + "-value");
                ((HasSize) value).setMinWidth("8em");
                value.getElement().getStyle().set("flex", "1");
                add(value);
            }
        }
        Button delete = new Button(VaadinIcon.CLOSE_SMALL.create(), click -> remove.run());
        delete.setId(id + "-remove");
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
        delete.getElement().setAttribute("aria-label", getTranslation("designer.cond.removeRow"));
        delete.getElement().setAttribute("title", getTranslation("designer.cond.removeRow"));
        add(delete);
    }

    private Component value(FieldDefinition field, FieldKind kind) {
        String current = row.values.isEmpty() ? null : row.values.getFirst();
        return switch (kind) {
            case CHOICE, CHOICES -> row.operator.takesValues() ? options(field) : option(field, current);
            case NUMBER -> {
                BigDecimalField number = new BigDecimalField();
                number.setValue(parse(current));
                number.addValueChangeListener(e -> set(e.getValue() == null ? null : e.getValue().toPlainString()));
                yield number;
            }
            case DATE -> {
                DatePicker date = new DatePicker();
                date.setLocale(getLocale());
                date.setValue(current == null ? null : LocalDate.parse(current));
                date.addValueChangeListener(e -> set(e.getValue() == null ? null : e.getValue().toString()));
                yield date;
            }
            case BOOLEAN -> {
                Select<String> yesNo = new Select<>();
                yesNo.setItems("true", "false");
                yesNo.setItemLabelGenerator(v -> getTranslation("true".equals(v) ? "designer.cond.yes"
                        : "designer.cond.no"));
                yesNo.setValue(current);
                yesNo.addValueChangeListener(e -> set(e.getValue()));
                yield yesNo;
            }
            default -> {
                TextField text = new TextField();
                text.setValue(current == null ? "" : current);
                text.setPlaceholder(getTranslation("designer.cond.value"));
                text.addValueChangeListener(e -> set(e.getValue()));
                yield text;
            }
        };
    }

    private Component option(FieldDefinition field, String current) {
        Select<String> select = new Select<>();
        List<String> values = new ArrayList<>(field.options().stream().map(FieldOption::value).toList());
        if (current != null && !values.contains(current)) {
            values.add(current); // a value the options no longer have stays visible rather than vanish
        }
        select.setItems(values);
        select.setItemLabelGenerator(v -> field.option(v).map(o -> o.label().isEmpty() ? v
                : o.label().in(getLocale())).orElse(v));
        select.setPlaceholder(getTranslation("designer.cond.value"));
        select.setValue(current);
        select.addValueChangeListener(e -> set(e.getValue()));
        return select;
    }

    private Component options(FieldDefinition field) {
        MultiSelectComboBox<String> select = new MultiSelectComboBox<>();
        LinkedHashSet<String> values = new LinkedHashSet<>(field.options().stream().map(FieldOption::value).toList());
        values.addAll(row.values);
        select.setItems(values);
        select.setItemLabelGenerator(v -> field.option(v).map(o -> o.label().isEmpty() ? v
                : o.label().in(getLocale())).orElse(v));
        select.setValue(new LinkedHashSet<>(row.values));
        select.addValueChangeListener(e -> {
            // keep the options' order, so the rule does not change with the order of clicks
            row.values = new ArrayList<>(values.stream().filter(e.getValue()::contains).toList());
            edited.run();
        });
        return select;
    }

    private void set(String value) {
        row.values = value == null || value.isEmpty() ? new ArrayList<>() : new ArrayList<>(List.of(value));
        edited.run();
    }

    private static BigDecimal parse(String value) {
        try {
            return value == null ? null : new BigDecimal(value);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
