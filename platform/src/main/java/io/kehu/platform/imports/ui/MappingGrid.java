package io.kehu.platform.imports.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.imports.ImportMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The file's columns, each with a field picker (labels in the user's language, "(不导入)" to leave it out). A file has
 * tens of columns, not thousands, so the grid takes them as a list.
 */
class MappingGrid extends Grid<ImportMapping.Column> {

    private ImportMapping mapping;
    private final List<FieldDefinition> fields;
    private final Locale locale;
    private final Runnable changed;

    MappingGrid(ImportMapping mapping, List<FieldDefinition> fields, Locale locale, Function<String, String> text,
                Runnable changed) {
        this.mapping = mapping;
        this.fields = fields;
        this.locale = locale;
        this.changed = changed;
        setId("import-mapping");
        addThemeVariants(GridVariant.LUMO_COMPACT);
        addColumn(ImportMapping.Column::header).setHeader(text.apply("imports.mapping.column")).setAutoWidth(true);
        addComponentColumn(this::picker).setHeader(text.apply("imports.mapping.field")).setFlexGrow(1);
        setAllRowsVisible(true);
        setItems(new ArrayList<>(mapping.columns()));
    }

    private ComboBox<Optional<FieldDefinition>> picker(ImportMapping.Column column) {
        ComboBox<Optional<FieldDefinition>> box = new ComboBox<>();
        List<Optional<FieldDefinition>> choices = new ArrayList<>();
        choices.add(Optional.empty());
        fields.forEach(f -> choices.add(Optional.of(f)));
        box.setItems(choices);
        box.setItemLabelGenerator(f -> f.map(this::label).orElse(getTranslation("imports.mapping.ignore")));
        box.setWidthFull();
        box.setId("import-field-" + column.index());
        box.setValue(fields.stream().filter(f -> f.id().equals(column.fieldId())).findFirst());
        box.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                Optional<FieldDefinition> chosen = e.getValue() == null ? Optional.empty() : e.getValue();
                mapping = mapping.with(column.index(), chosen.map(FieldDefinition::id).orElse(null));
                changed.run();
            }
        });
        return box;
    }

    /** Sets column {@code index} to {@code fieldId}, as a user would (for tests and keyboard-free use). */
    void choose(int index, String fieldId) {
        mapping = mapping.with(index, fieldId);
        setItems(new ArrayList<>(mapping.columns()));
        changed.run();
    }

    String label(FieldDefinition f) {
        String label = f.label() == null ? null : f.label().in(locale);
        return label == null || label.isBlank() ? f.id() : label;
    }

    ImportMapping mapping() {
        return mapping;
    }
}
