package io.kehu.platform.dedupe.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.IntegerField;
import io.kehu.platform.dedupe.DuplicateRules;
import io.kehu.platform.dedupe.Duplicates;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.security.Actor;
import java.util.List;

/** An administrator's editor of a form's duplicate rules: phone, e-mail and name fields, name threshold. */
class RulesEditor extends Details {

    RulesEditor(FormDefinition form, Duplicates duplicates, Actor actor, Runnable saved) {
        setSummaryText(getTranslation("dedupe.rules.edit"));
        setId("duplicate-rules");
        DuplicateRules rules = duplicates.rules(form.id());
        ComboBox<FieldDefinition> phone = picker(form, FieldType.PHONE, "dedupe.rules.phone", rules.phoneField());
        ComboBox<FieldDefinition> email = picker(form, FieldType.EMAIL, "dedupe.rules.email", rules.emailField());
        ComboBox<FieldDefinition> name = picker(form, FieldType.TEXT, "dedupe.rules.name", rules.nameField());
        IntegerField threshold = new IntegerField(getTranslation("dedupe.rules.threshold"));
        threshold.setId("duplicate-rules-threshold");
        threshold.setMin(50);
        threshold.setMax(100);
        threshold.setSuffixComponent(new com.vaadin.flow.component.html.Span("%"));
        threshold.setValue((int) Math.round(rules.nameThreshold() * 100));
        Button save = new Button(getTranslation("dedupe.rules.save"), click -> {
            Integer percent = threshold.getValue();
            if (percent == null || percent < 50 || percent > 100) {
                threshold.setInvalid(true);
                threshold.setErrorMessage(getTranslation("dedupe.rules.threshold.bad"));
                return;
            }
            duplicates.saveRules(actor, new DuplicateRules(form.id(), id(phone), id(email), id(name),
                    percent / 100.0));
            Notification.show(getTranslation("dedupe.rules.saved"), 3000, Notification.Position.BOTTOM_START);
            saved.run();
        });
        save.setId("duplicate-rules-save");
        FormLayout layout = new FormLayout(phone, email, name, threshold, save);
        add(layout);
    }

    private ComboBox<FieldDefinition> picker(FormDefinition form, FieldType type, String key, String current) {
        List<FieldDefinition> fields = form.fields().stream().filter(f -> f.type() == type).toList();
        ComboBox<FieldDefinition> box = new ComboBox<>(getTranslation(key));
        box.setItems(fields);
        box.setItemLabelGenerator(f -> f.label().in(getLocale()));
        box.setClearButtonVisible(true);
        box.setPlaceholder(getTranslation("dedupe.rules.off"));
        fields.stream().filter(f -> f.id().equals(current)).findFirst().ifPresent(box::setValue);
        return box;
    }

    private static String id(ComboBox<FieldDefinition> box) {
        return box.getValue() == null ? null : box.getValue().id();
    }
}
