package io.kehu.platform.views;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldOption;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.RecordQuery.Filter;
import io.kehu.platform.records.RecordQuery.Operator;
import io.kehu.platform.records.RecordQuery.Sort;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccount;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The choosers shared by record editors and filters: options with their labels, users by name, and records of another
 * form found by typing part of their title. The record chooser is lazy (one page of matches per keystroke), because
 * the target form may hold a million customers.
 */
final class Pickers {

    private static final int MIN_PAGE = 1;

    private Pickers() {
    }

    static ComboBox<RecordRef> records(Records records, Actor actor, FormDefinition target) {
        ComboBox<RecordRef> picker = new ComboBox<>();
        picker.setItemLabelGenerator(RecordRef::title);
        picker.setItems((CallbackDataProvider.FetchCallback<RecordRef, String>) query -> matches(records, actor,
                target, query.getFilter().orElse(""), query.getOffset(), query.getLimit()));
        picker.setClearButtonVisible(true);
        return picker;
    }

    static Stream<RecordRef> matches(Records records, Actor actor, FormDefinition target, String text, int offset,
                                     int limit) {
        RecordQuery query = RecordQuery.of(target.id())
                .page(offset, Math.max(MIN_PAGE, Math.min(limit, RecordQuery.MAX_LIMIT)));
        if (target.titleField() != null) {
            query = query.sortBy(Sort.asc(target.titleField()));
            if (text != null && !text.isBlank()) {
                query = query.where(Filter.of(target.titleField(), Operator.CONTAINS, text.strip()));
            }
        } else if (text != null && !text.isBlank()) {
            query = query.search(text.strip());
        }
        return records.query(actor, query).stream()
                .map(r -> new RecordRef(r.id(), ReferenceTitles.titleOf(target, r)));
    }

    static ComboBox<UserAccount> user(UserDirectory users) {
        ComboBox<UserAccount> picker = new ComboBox<>();
        picker.setItems(users.choices());
        picker.setItemLabelGenerator(UserAccount::displayName);
        picker.setClearButtonVisible(true);
        return picker;
    }

    static MultiSelectComboBox<UserAccount> users(UserDirectory users) {
        MultiSelectComboBox<UserAccount> picker = new MultiSelectComboBox<>();
        picker.setItems(users.choices());
        picker.setItemLabelGenerator(UserAccount::displayName);
        return picker;
    }

    static MultiSelectComboBox<String> options(FieldDefinition field, Locale locale) {
        MultiSelectComboBox<String> picker = new MultiSelectComboBox<>();
        picker.setItems(field.options().stream().map(FieldOption::value).toList());
        picker.setItemLabelGenerator(value -> optionLabel(field, value, locale));
        return picker;
    }

    static String optionLabel(FieldDefinition field, String value, Locale locale) {
        return field.option(value).map(FieldOption::label).filter(l -> !l.isEmpty()).map(l -> l.in(locale))
                .orElse(value);
    }
}
