package io.kehu.platform.api.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.platform.api.ApiScopes;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.security.UserAccount;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Asks what a new token is for, whom it acts as (admins only), its scope and how long it lives; fires a request. */
class NewTokenDialog extends Dialog {

    /** What the user asked for. */
    record Request(long userId, String name, ApiScopes scopes, OffsetDateTime expiresAt) {
    }

    NewTokenDialog(List<UserAccount> accounts, UserAccount me, List<FormDefinition> forms,
                   Consumer<Request> onCreate) {
        setHeaderTitle(getTranslation("api.tokens.new"));
        TextField name = new TextField(getTranslation("api.tokens.name"));
        name.setPlaceholder(getTranslation("api.tokens.name.placeholder"));
        name.setMaxLength(120);
        name.setRequiredIndicatorVisible(true);
        name.setId("api-token-name");
        Select<UserAccount> user = new Select<>();
        user.setLabel(getTranslation("api.tokens.user"));
        user.setItems(accounts);
        user.setItemLabelGenerator(a -> a.displayName() + " (" + a.username() + ")");
        user.setValue(accounts.stream().filter(a -> a.id() == me.id()).findFirst().orElse(accounts.get(0)));
        user.setVisible(accounts.size() > 1);
        Select<String> scope = new Select<>();
        scope.setLabel(getTranslation("api.tokens.scope"));
        scope.setItems("read", "write", "forms");
        scope.setItemLabelGenerator(s -> getTranslation("api.tokens.scope." + s));
        scope.setValue("read");
        scope.setId("api-token-scope");
        // Per form: picked by the labels people know, stored as read:<form id> / write:<form id>.
        MultiSelectComboBox<FormDefinition> readForms = formPicker("api.tokens.scope.read_forms", forms);
        readForms.setId("api-token-read-forms");
        MultiSelectComboBox<FormDefinition> writeForms = formPicker("api.tokens.scope.write_forms", forms);
        writeForms.setId("api-token-write-forms");
        scope.addValueChangeListener(e -> {
            readForms.setVisible("forms".equals(e.getValue()));
            writeForms.setVisible("forms".equals(e.getValue()));
        });
        Select<Integer> expires = new Select<>();
        expires.setLabel(getTranslation("api.tokens.expires"));
        expires.setItems(30, 90, 365, 0);
        expires.setItemLabelGenerator(d -> d == 0 ? getTranslation("api.tokens.expires.never")
                : getTranslation("api.tokens.expires.days" + d));
        expires.setValue(90);
        FormLayout form = new FormLayout(name, user, scope, expires, readForms, writeForms);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        add(form);
        Button create = new Button(getTranslation("api.tokens.create"), click -> {
            if (name.getValue().isBlank()) {
                name.setInvalid(true);
                name.setErrorMessage(getTranslation("api.tokens.name.required"));
                return;
            }
            ApiScopes scopes;
            if ("forms".equals(scope.getValue())) {
                Set<String> grants = new LinkedHashSet<>();
                readForms.getValue().forEach(f -> grants.add("read:" + f.id()));
                writeForms.getValue().forEach(f -> grants.add("write:" + f.id()));
                if (grants.isEmpty()) {
                    readForms.setInvalid(true);
                    readForms.setErrorMessage(getTranslation("api.tokens.scope.forms_required"));
                    return;
                }
                scopes = new ApiScopes(grants);
            } else {
                scopes = "write".equals(scope.getValue()) ? ApiScopes.ALL : ApiScopes.READ_ALL;
            }
            int days = expires.getValue();
            onCreate.accept(new Request(user.getValue().id(), name.getValue(), scopes,
                    days == 0 ? null : OffsetDateTime.now(ZoneOffset.UTC).plusDays(days)));
            close();
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("create-api-token");
        getFooter().add(new Button(getTranslation("api.tokens.cancel"), click -> close()), create);
    }

    private MultiSelectComboBox<FormDefinition> formPicker(String labelKey, List<FormDefinition> forms) {
        MultiSelectComboBox<FormDefinition> picker = new MultiSelectComboBox<>(getTranslation(labelKey));
        picker.setItems(forms);
        picker.setItemLabelGenerator(f -> f.label().in(getLocale()));
        picker.setVisible(false);
        return picker;
    }
}
