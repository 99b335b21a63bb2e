package io.kehu.platform.views;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.records.RecordQuery.Filter;
import io.kehu.platform.records.RecordQuery.Operator;
import io.kehu.platform.security.UserAccount;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The filter of one field: "matches" with the control its type needs (text contains, option pickers, date and number
 * ranges, user picker, yes/no, record picker), or "is empty" / "is not empty". It reads back from the filters it made,
 * which is how saved views restore it.
 */
final class FieldFilter extends HorizontalLayout {

    /** What the filter asks of the field. */
    enum Mode { MATCHES, EMPTY, NOT_EMPTY }

    private final FieldDefinition field;
    private final Select<Mode> mode = new Select<>();
    private final HorizontalLayout valueBox = new HorizontalLayout();
    private Supplier<List<Filter>> reader;
    private Consumer<List<Filter>> writer;

    FieldFilter(FieldDefinition field, FilterSources sources, Runnable onChange, Consumer<FieldFilter> onRemove) {
        this.field = field;
        setId("filter-" + field.id());
        setAlignItems(FlexComponent.Alignment.BASELINE);
        Span label = new Span(field.label().in(sources.locale()).isBlank() ? field.id()
                : field.label().in(sources.locale()));
        mode.setId("filter-" + field.id() + "-mode");
        mode.setItems(Mode.values());
        mode.setItemLabelGenerator(m -> getTranslation("views.filter.mode."
                + (m == Mode.MATCHES ? matchWord(field) : m.name().toLowerCase(java.util.Locale.ROOT))));
        mode.setValue(Mode.MATCHES);
        mode.addValueChangeListener(e -> {
            valueBox.setVisible(e.getValue() == Mode.MATCHES);
            onChange.run();
        });
        buildValueControls(sources, onChange);
        Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), click -> onRemove.accept(this));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        remove.setId("filter-" + field.id() + "-remove");
        remove.setAriaLabel(getTranslation("views.filter.remove"));
        add(label, mode, valueBox, remove);
    }

    FieldDefinition field() {
        return field;
    }

    /**
     * What "matches" means for the field's control, in words a user reads as a sentence: text "contains", a choice
     * of options or users "is one of" (属于), yes/no and a record "is" (等于), dates and numbers "between".
     */
    static String matchWord(FieldDefinition field) {
        return switch (field.storedType()) {
            case TEXT, TEXTAREA, EMAIL, PHONE, URL -> "contains";
            case SELECT, MULTISELECT, USER -> "in";
            case BOOLEAN, REFERENCE -> "equals";
            default -> "between";
        };
    }

    List<Filter> filters() {
        return switch (mode.getValue()) {
            case EMPTY -> List.of(Filter.of(field.id(), Operator.IS_EMPTY));
            case NOT_EMPTY -> List.of(Filter.of(field.id(), Operator.IS_NOT_EMPTY));
            case MATCHES -> reader.get();
        };
    }

    /** Shows {@code filters} (all on this field), as {@link #filters()} made them or a saved view stored them. */
    void apply(List<Filter> filters) {
        if (filters.stream().anyMatch(f -> f.operator() == Operator.IS_EMPTY)) {
            mode.setValue(Mode.EMPTY);
        } else if (filters.stream().anyMatch(f -> f.operator() == Operator.IS_NOT_EMPTY)) {
            mode.setValue(Mode.NOT_EMPTY);
        } else {
            mode.setValue(Mode.MATCHES);
            writer.accept(filters);
        }
    }

    private void buildValueControls(FilterSources sources, Runnable onChange) {
        String id = field.id();
        switch (field.storedType()) {
            case TEXT, TEXTAREA, EMAIL, PHONE, URL -> {
                TextField text = control(new TextField(), "value", onChange);
                text.setValueChangeMode(ValueChangeMode.LAZY);
                text.setPlaceholder(getTranslation("views.filter.contains"));
                reader = () -> text.isEmpty() ? List.of() : List.of(Filter.of(id, Operator.CONTAINS, text.getValue()));
                writer = fs -> text.setValue(first(fs, Operator.CONTAINS).map(String::valueOf).orElse(""));
            }
            case SELECT, MULTISELECT -> {
                MultiSelectComboBox<String> options = control(Pickers.options(field, sources.locale()), "value",
                        onChange);
                Operator op = field.storedType() == FieldType.SELECT ? Operator.IN : Operator.CONTAINS_ANY;
                reader = () -> options.isEmpty() ? List.of()
                        : List.of(new Filter(id, op, new ArrayList<>(options.getValue())));
                writer = fs -> options.setValue(new LinkedHashSet<>(values(fs, op).stream().map(String::valueOf)
                        .toList()));
            }
            case BOOLEAN -> {
                Select<Boolean> yesNo = control(new Select<>(), "value", onChange);
                yesNo.setItems(true, false);
                yesNo.setEmptySelectionAllowed(true);
                yesNo.setItemLabelGenerator(b -> b == null ? ""
                        : getTranslation(b ? "views.value.yes" : "views.value.no"));
                reader = () -> yesNo.getValue() == null ? List.of()
                        : List.of(Filter.of(id, Operator.EQUALS, yesNo.getValue()));
                writer = fs -> yesNo.setValue(first(fs, Operator.EQUALS).map(v -> Boolean.valueOf(v.toString()))
                        .orElse(null));
            }
            case USER -> {
                MultiSelectComboBox<UserAccount> users = control(Pickers.users(sources.users()), "value", onChange);
                reader = () -> users.isEmpty() ? List.of() : List.of(new Filter(id, Operator.IN,
                        users.getValue().stream().map(u -> (Object) u.id()).toList()));
                writer = fs -> users.setValue(new LinkedHashSet<>(values(fs, Operator.IN).stream()
                        .map(v -> sources.users().account(Long.valueOf(v.toString()))).filter(Objects::nonNull)
                        .toList()));
            }
            case REFERENCE -> {
                ComboBox<RecordRef> picker = control(Pickers.records(sources.records(), sources.actor(),
                        sources.catalog().published(field.form()).orElseThrow()), "value", onChange);
                reader = () -> picker.getValue() == null ? List.of()
                        : List.of(Filter.of(id, Operator.EQUALS, picker.getValue().id()));
                writer = fs -> picker.setValue(first(fs, Operator.EQUALS)
                        .map(v -> sources.titles().ref(field.form(), Long.parseLong(v.toString()))).orElse(null));
            }
            case DATE -> {
                DatePicker from = control(new DatePicker(), "from", onChange);
                DatePicker to = control(new DatePicker(), "to", onChange);
                reader = () -> range(from.getValue(), to.getValue());
                writer = fs -> {
                    from.setValue(first(fs, Operator.GREATER_OR_EQUAL).map(v -> LocalDate.parse(v.toString()))
                            .orElse(null));
                    to.setValue(first(fs, Operator.LESS_OR_EQUAL).map(v -> LocalDate.parse(v.toString()))
                            .orElse(null));
                };
            }
            case DATETIME -> {
                DatePicker from = control(new DatePicker(), "from", onChange);
                DatePicker to = control(new DatePicker(), "to", onChange);
                reader = () -> {
                    List<Filter> fs = new ArrayList<>();
                    if (from.getValue() != null) {
                        fs.add(Filter.of(id, Operator.GREATER_OR_EQUAL,
                                from.getValue().atStartOfDay(sources.zone()).toOffsetDateTime()));
                    }
                    if (to.getValue() != null) {
                        fs.add(Filter.of(id, Operator.LESS,
                                to.getValue().plusDays(1).atStartOfDay(sources.zone()).toOffsetDateTime()));
                    }
                    return fs;
                };
                writer = fs -> {
                    from.setValue(first(fs, Operator.GREATER_OR_EQUAL).map(v -> OffsetDateTime.parse(v.toString())
                            .atZoneSameInstant(sources.zone()).toLocalDate()).orElse(null));
                    to.setValue(first(fs, Operator.LESS).map(v -> OffsetDateTime.parse(v.toString())
                            .atZoneSameInstant(sources.zone()).toLocalDate().minusDays(1)).orElse(null));
                };
            }
            default -> {
                BigDecimalField from = control(new BigDecimalField(), "from", onChange);
                BigDecimalField to = control(new BigDecimalField(), "to", onChange);
                reader = () -> range(from.getValue(), to.getValue());
                writer = fs -> {
                    from.setValue(first(fs, Operator.GREATER_OR_EQUAL).map(v -> new BigDecimal(v.toString()))
                            .orElse(null));
                    to.setValue(first(fs, Operator.LESS_OR_EQUAL).map(v -> new BigDecimal(v.toString()))
                            .orElse(null));
                };
            }
        }
    }

    private List<Filter> range(Object from, Object to) {
        List<Filter> fs = new ArrayList<>();
        if (from != null) {
            fs.add(Filter.of(field.id(), Operator.GREATER_OR_EQUAL, from));
        }
        if (to != null) {
            fs.add(Filter.of(field.id(), Operator.LESS_OR_EQUAL, to));
        }
        return fs;
    }

    private <C extends AbstractField<?, ?>> C control(C control, String part, Runnable onChange) {
        control.setId("filter-" + field.id() + "-" + part);
        if (!"value".equals(part)) {
            ((com.vaadin.flow.component.HasPlaceholder) control).setPlaceholder(
                    getTranslation("views.filter." + part));
        }
        control.addValueChangeListener(e -> onChange.run());
        valueBox.add((Component) control);
        return control;
    }

    private static java.util.Optional<Object> first(List<Filter> filters, Operator op) {
        return filters.stream().filter(f -> f.operator() == op && !f.values().isEmpty())
                .map(f -> f.values().get(0)).findFirst();
    }

    private static List<Object> values(List<Filter> filters, Operator op) {
        return filters.stream().filter(f -> f.operator() == op).flatMap(f -> f.values().stream()).toList();
    }
}
