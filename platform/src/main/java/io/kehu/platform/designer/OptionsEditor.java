package io.kehu.platform.designer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.platform.forms.FieldOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The choices of a select or multiselect field: one row per option with its stored value and its Chinese and English
 * labels, in display order, with buttons to add, remove and move options.
 */
final class OptionsEditor extends VerticalLayout {

    private final Consumer<List<FieldOption>> changed;
    private final Span error = new Span();
    private List<FieldOption> options = List.of();

    OptionsEditor(Consumer<List<FieldOption>> changed) {
        this.changed = changed;
        setId("prop-options");
        setPadding(false);
        setSpacing(false);
        error.setId("prop-options-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-s)");
    }

    void setOptions(List<FieldOption> value) {
        options = new ArrayList<>(value);
        render();
    }

    void setError(String message) {
        error.setText(message == null ? "" : message);
    }

    private void render() {
        removeAll();
        add(new Span(getTranslation("designer.prop.options")));
        for (int i = 0; i < options.size(); i++) {
            add(row(i));
        }
        Button add = new Button(getTranslation("designer.prop.addOption"), VaadinIcon.PLUS.create(), click -> {
            List<FieldOption> next = new ArrayList<>(options);
            next.add(new FieldOption("option_" + (options.size() + 1), FieldSpec.text(null, null)));
            emit(next);
        });
        add.setId("prop-options-add");
        add.addThemeVariants(ButtonVariant.LUMO_SMALL);
        add(add, error);
    }

    private HorizontalLayout row(int i) {
        FieldOption option = options.get(i);
        TextField value = field("prop-option-value-" + i, getTranslation("designer.prop.optionValue"),
                option.value());
        TextField zh = field("prop-option-zh-" + i, "中文", option.label().zh());
        TextField en = field("prop-option-en-" + i, "English", option.label().en());
        Runnable update = () -> {
            List<FieldOption> next = new ArrayList<>(options);
            next.set(i, new FieldOption(value.getValue(), FieldSpec.text(zh.getValue(), en.getValue())));
            options = next; // typing keeps the rows (and the focus) as they are
            changed.accept(List.copyOf(next));
        };
        value.addValueChangeListener(e -> update.run());
        zh.addValueChangeListener(e -> update.run());
        en.addValueChangeListener(e -> update.run());
        Button remove = new Button(VaadinIcon.TRASH.create(), click -> {
            List<FieldOption> next = new ArrayList<>(options);
            next.remove(i);
            emit(next);
        });
        remove.setId("prop-option-remove-" + i);
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        remove.getElement().setAttribute("aria-label", getTranslation("designer.prop.removeOption"));
        HorizontalLayout row = new HorizontalLayout(value, zh, en, remove);
        row.setAlignItems(Alignment.END);
        row.setSpacing(false);
        row.getStyle().set("gap", "var(--lumo-space-xs)");
        return row;
    }

    private void emit(List<FieldOption> next) {
        options = next;
        render();
        changed.accept(List.copyOf(next));
    }

    private static TextField field(String id, String label, String value) {
        TextField f = new TextField(label);
        f.setId(id);
        f.setValue(value == null ? "" : value);
        f.setWidth("6.5em");
        f.addThemeName("small");
        return f;
    }
}
