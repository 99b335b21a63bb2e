package io.kehu.platform.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.records.RecordQuery.Filter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filters of a list view: the user adds a filter per field ("Add filter"), each with the control its type needs
 * ({@link FieldFilter}); every change calls the listener so the grid re-queries at once. Offers only fields the user
 * may read, since the record store refuses filters on the others.
 */
final class FilterBar extends VerticalLayout {

    private final FilterSources sources;
    private final Runnable onChange;
    private final Map<String, FieldFilter> rows = new LinkedHashMap<>();
    private final VerticalLayout rowBox = new VerticalLayout();
    private final ComboBox<FieldDefinition> addFilter = new ComboBox<>();

    FilterBar(List<FieldDefinition> fields, FilterSources sources, Runnable onChange) {
        this.sources = sources;
        this.onChange = onChange;
        setPadding(false);
        setSpacing(false);
        rowBox.setPadding(false);
        rowBox.setSpacing(false);
        addFilter.setId("filter-add");
        addFilter.setPlaceholder(getTranslation("views.filter.add"));
        addFilter.setItems(fields);
        addFilter.setItemLabelGenerator(f -> f.label().isEmpty() ? f.id() : f.label().in(sources.locale()));
        addFilter.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                row(e.getValue());
                addFilter.clear();
            }
        });
        Button clear = new Button(getTranslation("views.filter.clear"), click -> apply(List.of()));
        clear.setId("filter-clear");
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout actions = new HorizontalLayout(addFilter, clear);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(rowBox, actions);
    }

    /** The filter row of {@code field}, added when missing. */
    FieldFilter row(FieldDefinition field) {
        return rows.computeIfAbsent(field.id(), id -> {
            FieldFilter row = new FieldFilter(field, sources, onChange, this::remove);
            rowBox.add(row);
            return row;
        });
    }

    List<Filter> filters() {
        List<Filter> all = new ArrayList<>();
        rows.values().forEach(r -> all.addAll(r.filters()));
        return all;
    }

    /** Replaces all filters with {@code filters} (e.g. of a saved view); filters on unknown fields are dropped. */
    void apply(List<Filter> filters) {
        rows.clear();
        rowBox.removeAll();
        Map<String, List<Filter>> byColumn = new LinkedHashMap<>();
        filters.forEach(f -> byColumn.computeIfAbsent(f.column(), c -> new ArrayList<>()).add(f));
        byColumn.forEach((column, fs) -> addFilterItems().stream().filter(f -> f.id().equals(column)).findFirst()
                .ifPresent(f -> row(f).apply(fs)));
        onChange.run();
    }

    private List<FieldDefinition> addFilterItems() {
        return addFilter.getListDataView().getItems().toList();
    }

    private void remove(FieldFilter row) {
        rows.remove(row.field().id());
        rowBox.remove(row);
        onChange.run();
    }
}
