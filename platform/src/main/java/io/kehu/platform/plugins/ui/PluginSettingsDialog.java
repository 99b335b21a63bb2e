package io.kehu.platform.plugins.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.platform.plugins.PluginHost;
import io.kehu.platform.security.Actor;
import io.kehu.sdk.settings.SettingField;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Edits the settings a plugin declares ({@code SettingsPage}): one field per setting, stored by the host. */
public class PluginSettingsDialog extends Dialog {

    PluginSettingsDialog(PluginHost host, Actor actor, String pluginId, String pluginName) {
        setHeaderTitle(getTranslation("plugins.settings.title", pluginName));
        setId("plugin-settings");
        Map<String, String> values = host.settingValues(pluginId);
        Map<String, Supplier<String>> inputs = new LinkedHashMap<>();
        FormLayout form = new FormLayout();
        for (SettingField field : host.settingFields(pluginId)) {
            String label = field.label().in(getLocale());
            String value = values.get(field.key());
            AbstractField<?, ?> input = switch (field.type()) {
                case BOOLEAN -> {
                    Checkbox box = new Checkbox(label, Boolean.parseBoolean(value));
                    inputs.put(field.key(), () -> Boolean.toString(box.getValue()));
                    yield box;
                }
                case NUMBER -> {
                    IntegerField number = new IntegerField(label);
                    number.setValue(parse(value));
                    inputs.put(field.key(), () -> number.getValue() == null ? null : number.getValue().toString());
                    yield number;
                }
                case TEXT -> {
                    TextField text = new TextField(label);
                    text.setValue(value == null ? "" : value);
                    inputs.put(field.key(), text::getValue);
                    yield text;
                }
            };
            input.setId("setting-" + field.key());
            form.add(input);
        }
        add(form);
        Button save = new Button(getTranslation("plugins.settings.save"), click -> {
            Map<String, String> changed = new LinkedHashMap<>();
            inputs.forEach((key, input) -> changed.put(key, input.get()));
            host.saveSettings(actor, pluginId, changed);
            Notification.show(getTranslation("plugins.settings.saved"));
            close();
        });
        save.setId("save-settings");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("plugins.cancel"), click -> close()), save);
    }

    private static Integer parse(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
