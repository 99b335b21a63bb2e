package io.kehu.platform.views;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldOption;
import io.kehu.platform.forms.FormTables;
import io.kehu.platform.records.Money;
import io.kehu.platform.security.UserAccount;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Picks the editor for a field's type: text fields, number fields, date pickers, option pickers, the star rating, money
 * (amount + currency), user and record pickers. Computed fields get the editor of their result type, read-only.
 * Subtables are not single values; the record view gives them a {@link SubtableEditor}.
 */
final class FieldEditors {

    private FieldEditors() {
    }

    static FieldEditor create(FieldDefinition field, FilterSources sources) {
        FieldEditor editor = switch (field.storedType()) {
            case TEXT, PHONE, URL -> text(field, new TextField());
            case TEXTAREA -> text(field, new TextArea());
            case EMAIL -> text(field, new EmailField());
            case INTEGER -> new FieldEditor(field, new IntegerField(), v -> Math.toIntExact((Long) v),
                    (Integer v) -> v.longValue());
            case DECIMAL, PERCENT -> same(field, new BigDecimalField());
            case MONEY -> new FieldEditor(field, new MoneyField(field.currency() == null
                    ? FormTables.DEFAULT_CURRENCY : field.currency()), v -> (Money) v, (Money v) -> v);
            case DATE -> same(field, new DatePicker());
            case DATETIME -> new FieldEditor(field, new DateTimePicker(),
                    v -> ((OffsetDateTime) v).atZoneSameInstant(sources.zone()).toLocalDateTime(),
                    (LocalDateTime v) -> v.atZone(sources.zone()).toOffsetDateTime());
            case BOOLEAN -> new FieldEditor(field, new Checkbox(), v -> (Boolean) v, (Boolean v) -> v);
            case SELECT -> select(field, sources);
            case MULTISELECT -> new FieldEditor(field, Pickers.options(field, sources.locale()),
                    v -> new LinkedHashSet<>(strings(v)), (Set<String> v) -> inOptionOrder(field, v));
            case RATING -> new FieldEditor(field, new StarRating("field-" + field.id()), v -> (Integer) v,
                    (Integer v) -> v);
            case USER -> new FieldEditor(field, Pickers.user(sources.users()),
                    v -> sources.users().account((Long) v), (UserAccount v) -> v.id());
            case REFERENCE -> new FieldEditor(field, Pickers.records(sources.records(), sources.actor(),
                    sources.catalog().published(field.form()).orElseThrow()),
                    v -> sources.titles().ref(field.form(), (Long) v), (RecordRef v) -> v.id());
            case SUBTABLE, COMPUTED -> throw new IllegalArgumentException("No single editor for " + field.id());
        };
        AbstractField<?, ?> component = (AbstractField<?, ?>) editor.component();
        String label = field.label().isEmpty() ? field.id() : field.label().in(sources.locale());
        if (component instanceof HasLabel labelled) {
            labelled.setLabel(label);
        }
        if (component instanceof Checkbox box) {
            box.setLabel(label);
        }
        if (!field.help().isEmpty() && component instanceof HasHelper helped) {
            helped.setHelperText(field.help().in(sources.locale()));
        }
        ContactLinks.addTo(field, component);
        return editor;
    }

    private static <V> FieldEditor same(FieldDefinition field, AbstractField<?, V> component) {
        @SuppressWarnings("unchecked")
        Function<Object, V> cast = v -> (V) v;
        return new FieldEditor(field, component, cast, (V v) -> v);
    }

    private static FieldEditor text(FieldDefinition field, AbstractField<?, String> component) {
        if (field.maxLength() != null && component instanceof TextField t) {
            t.setMaxLength(field.maxLength());
        } else if (field.maxLength() != null && component instanceof TextArea a) {
            a.setMaxLength(field.maxLength());
        }
        return new FieldEditor(field, component, Object::toString, (String v) -> v.isBlank() ? null : v);
    }

    private static FieldEditor select(FieldDefinition field, FilterSources sources) {
        Select<String> select = new Select<>();
        select.setItems(field.options().stream().map(FieldOption::value).toList());
        select.setItemLabelGenerator(v -> v == null ? "" : Pickers.optionLabel(field, v, sources.locale()));
        select.setEmptySelectionAllowed(true);
        return new FieldEditor(field, select, Object::toString, (String v) -> v);
    }

    private static List<String> strings(Object values) {
        return ((Collection<?>) values).stream().map(String::valueOf).toList();
    }

    private static List<String> inOptionOrder(FieldDefinition field, Set<String> chosen) {
        return field.options().stream().map(FieldOption::value).filter(chosen::contains).toList();
    }
}
