package io.kehu.platform.designer.workflow;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import io.kehu.platform.forms.FieldDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Choosers by label for ids the definition stores (fields, forms, workflows). An id the JSON names that is not among
 * the choices (a removed field) stays chosen under its id, so nothing is lost; the problem list says what is wrong.
 */
final class Pickers {

    private Pickers() {
    }

    static Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null ? Locale.SIMPLIFIED_CHINESE : ui.getLocale();
    }

    static Map<String, String> fieldLabels(List<FieldDefinition> fields) {
        Map<String, String> labels = new LinkedHashMap<>();
        fields.forEach(f -> labels.put(f.id(), WorkflowEditing.label(f.label(), f.id(), locale())));
        return labels;
    }

    /** Several of {@code choices} (id → label), {@code current} chosen. */
    static MultiSelectComboBox<String> many(String id, String label, Map<String, String> choices,
                                            List<String> current) {
        MultiSelectComboBox<String> box = new MultiSelectComboBox<>(label);
        box.setId(id);
        List<String> items = new ArrayList<>(choices.keySet());
        current.stream().filter(c -> !items.contains(c)).forEach(items::add);
        box.setItems(items);
        box.setItemLabelGenerator(item -> choices.getOrDefault(item, item));
        box.setValue(new LinkedHashSet<>(current));
        box.setWidthFull();
        return box;
    }

    /** One of {@code choices} (id → label), {@code current} chosen (blank: none). */
    static ComboBox<String> one(String id, String label, Map<String, String> choices, String current) {
        ComboBox<String> box = new ComboBox<>(label);
        box.setId(id);
        List<String> items = new ArrayList<>(choices.keySet());
        if (current != null && !current.isBlank() && !items.contains(current)) {
            items.add(current);
        }
        box.setItems(items);
        box.setItemLabelGenerator(item -> choices.getOrDefault(item, item));
        box.setValue(current == null || current.isBlank() ? null : current);
        box.setWidthFull();
        return box;
    }

    /** The chosen ids in the order of the choices. */
    static List<String> chosen(MultiSelectComboBox<String> box) {
        List<String> out = new ArrayList<>();
        box.getListDataView().getItems().filter(box.getValue()::contains).forEach(out::add);
        return out;
    }
}
