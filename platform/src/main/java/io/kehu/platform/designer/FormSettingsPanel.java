package io.kehu.platform.designer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.platform.forms.AccessRule;
import io.kehu.platform.forms.DefinitionProblem;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormRule;
import io.kehu.platform.forms.LocalizedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The form's own settings: labels, icon and place in the navigation, title and owner field, form rules (each compiled
 * as it is typed and tryable on a record) and who may read and write the form's records.
 */
final class FormSettingsPanel extends VerticalLayout {

    private final DesignerServices services;
    private final Supplier<FormDefinition> current;
    private final Consumer<FormDefinition> changed;
    private final TextField labelZh = new TextField(getTranslation("designer.form.labelZh"));
    private final TextField labelEn = new TextField(getTranslation("designer.form.labelEn"));
    private final TextField icon = new TextField(getTranslation("designer.form.icon"));
    private final ComboBox<String> group = new ComboBox<>(getTranslation("designer.form.group"));
    private final IntegerField order = new IntegerField(getTranslation("designer.form.order"));
    private final ComboBox<String> titleField = new ComboBox<>(getTranslation("designer.form.titleField"));
    private final ComboBox<String> ownerField = new ComboBox<>(getTranslation("designer.form.ownerField"));
    private final RoleChoice read = new RoleChoice("form-read-roles", getTranslation("designer.form.readRoles"));
    private final RoleChoice write = new RoleChoice("form-write-roles", getTranslation("designer.form.writeRoles"));
    private final VerticalLayout rules = new VerticalLayout();
    private final Div problems = new Div();
    private boolean loading;

    FormSettingsPanel(DesignerServices services, Supplier<FormDefinition> current,
                      Consumer<FormDefinition> changed) {
        this.services = services;
        this.current = current;
        this.changed = changed;
        setId("designer-form-settings");
        setPadding(false);
        labelZh.setId("form-label-zh");
        labelEn.setId("form-label-en");
        icon.setId("form-icon");
        group.setId("form-group");
        group.setItems("customers", "apps", "workspace");
        group.setAllowCustomValue(true);
        group.addCustomValueSetListener(e -> group.setValue(e.getDetail()));
        group.setHelperText(getTranslation("designer.form.groupHelp"));
        order.setId("form-order");
        titleField.setId("form-title-field");
        ownerField.setId("form-owner-field");
        rules.setPadding(false);
        rules.setId("form-rules");
        problems.setId("form-problems");
        problems.getStyle().set("color", "var(--lumo-error-text-color)");
        List.of(labelZh, labelEn, icon).forEach(f -> f.addValueChangeListener(e -> settingsChanged()));
        group.addValueChangeListener(e -> settingsChanged());
        order.addValueChangeListener(e -> settingsChanged());
        titleField.addValueChangeListener(e -> settingsChanged());
        ownerField.addValueChangeListener(e -> settingsChanged());
        read.addValueChangeListener(e -> settingsChanged());
        write.addValueChangeListener(e -> settingsChanged());
        Button addRule = new Button(getTranslation("designer.form.addRule"), VaadinIcon.PLUS.create(), click -> {
            List<FormRule> next = new ArrayList<>(current.get().rules());
            next.add(new FormRule("validate", "true", LocalizedText.of("请检查填写内容", "Please check the values")));
            changed.accept(DesignerEdits.withRules(current.get(), next));
            // The view leaves this panel's inputs alone on its own changes: show the new rule here.
            rerenderRules();
        });
        addRule.setId("form-add-rule");
        addRule.addThemeVariants(ButtonVariant.LUMO_SMALL);
        HorizontalLayout labels = new HorizontalLayout(labelZh, labelEn);
        HorizontalLayout navigation = new HorizontalLayout(icon, group, order);
        HorizontalLayout fields = new HorizontalLayout(titleField, ownerField);
        add(new H4(getTranslation("designer.form.title")), problems, labels, navigation, fields, read, write,
                new H4(getTranslation("designer.form.rules")), rules, addRule);
    }

    void edit(FormDefinition form, List<DefinitionProblem> found) {
        loading = true;
        try {
            labelZh.setValue(nz(form.label().zh()));
            labelEn.setValue(nz(form.label().en()));
            icon.setValue(nz(form.icon()));
            group.setValue(form.navigationGroup());
            order.setValue(form.navigationOrder());
            List<String> ids = form.fields().stream().map(FieldDefinition::id).filter(Objects::nonNull).toList();
            titleField.setItems(ids);
            titleField.setValue(form.titleField() != null && ids.contains(form.titleField()) ? form.titleField()
                    : null);
            ownerField.setItems(ids);
            ownerField.setValue(form.ownerField() != null && ids.contains(form.ownerField()) ? form.ownerField()
                    : null);
            read.setRoles(form.access().read());
            write.setRoles(form.access().write());
            renderRules(form);
        } finally {
            loading = false;
        }
        showProblems(found);
    }

    void showProblems(List<DefinitionProblem> found) {
        problems.removeAll();
        found.forEach(p -> problems.add(new Div(p.jsonPath() + ": " + p.message(getLocale()))));
    }

    private void renderRules(FormDefinition form) {
        rules.removeAll();
        for (int i = 0; i < form.rules().size(); i++) {
            int index = i;
            FormRule rule = form.rules().get(i);
            ScriptField script = new ScriptField("form-rule-" + i, getTranslation("designer.form.ruleScript"),
                    services, current, v -> replaceRule(index, r -> new FormRule(r.on(), v, r.message())), "true");
            script.setScript(rule.script());
            TextField zh = new TextField(getTranslation("designer.form.ruleMessageZh"), nz(rule.message().zh()), "");
            zh.setId("form-rule-message-zh-" + i);
            TextField en = new TextField(getTranslation("designer.form.ruleMessageEn"), nz(rule.message().en()), "");
            en.setId("form-rule-message-en-" + i);
            zh.addValueChangeListener(e -> replaceRule(index,
                    r -> new FormRule(r.on(), r.script(), FieldSpec.text(e.getValue(), r.message().en()))));
            en.addValueChangeListener(e -> replaceRule(index,
                    r -> new FormRule(r.on(), r.script(), FieldSpec.text(r.message().zh(), e.getValue()))));
            Button remove = new Button(VaadinIcon.TRASH.create(), click -> {
                List<FormRule> next = new ArrayList<>(current.get().rules());
                next.remove(index);
                changed.accept(DesignerEdits.withRules(current.get(), next));
                rerenderRules();
            });
            remove.setId("form-rule-remove-" + i);
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            remove.getElement().setAttribute("aria-label", getTranslation("designer.form.removeRule"));
            VerticalLayout box = new VerticalLayout(script, new HorizontalLayout(zh, en, remove));
            box.setPadding(false);
            box.getStyle().set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
            rules.add(box);
        }
    }

    private void rerenderRules() {
        loading = true;
        try {
            renderRules(current.get());
        } finally {
            loading = false;
        }
    }

    private void replaceRule(int index, java.util.function.UnaryOperator<FormRule> change) {
        if (loading) {
            return;
        }
        List<FormRule> next = new ArrayList<>(current.get().rules());
        next.set(index, change.apply(next.get(index)));
        changed.accept(DesignerEdits.withRules(current.get(), next));
    }

    private void settingsChanged() {
        if (loading) {
            return;
        }
        FormDefinition form = current.get();
        changed.accept(DesignerEdits.withSettings(form, FieldSpec.text(labelZh.getValue(), labelEn.getValue()),
                FieldSpec.blankToNull(icon.getValue()), FieldSpec.blankToNull(group.getValue()),
                order.getValue() == null ? 0 : order.getValue(), titleField.getValue(), ownerField.getValue(),
                new AccessRule(read.getValue(), write.getValue())));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
