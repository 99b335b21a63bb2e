package io.kehu.platform.webhooks.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.webhooks.EndpointSettings;
import io.kehu.platform.webhooks.EventType;
import io.kehu.platform.webhooks.PayloadFormat;
import io.kehu.platform.webhooks.WebhookEndpoint;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Adding or editing an endpoint; hands the settings to the view, which saves them. */
class EndpointDialog extends Dialog {

    private final TextField url = new TextField();
    private final TextField description = new TextField();
    private final Select<PayloadFormat> format = new Select<>();
    private final CheckboxGroup<EventType> events = new CheckboxGroup<>();
    private final MultiSelectComboBox<FormDefinition> forms = new MultiSelectComboBox<>();

    EndpointDialog(WebhookEndpoint existing, List<FormDefinition> published, Consumer<EndpointSettings> save) {
        setHeaderTitle(getTranslation(existing == null ? "webhooks.add" : "webhooks.edit"));
        url.setLabel(getTranslation("webhooks.field.url"));
        url.setPlaceholder("https://");
        url.setRequired(true);
        url.setWidthFull();
        description.setLabel(getTranslation("webhooks.field.description"));
        description.setMaxLength(200);
        format.setLabel(getTranslation("webhooks.field.format"));
        format.setItems(PayloadFormat.values());
        format.setItemLabelGenerator(f -> Texts.format(this, f));
        format.setValue(PayloadFormat.STANDARD);
        events.setLabel(getTranslation("webhooks.field.events"));
        events.setItems(Arrays.stream(EventType.values()).filter(t -> t != EventType.TEST).toList());
        events.setItemLabelGenerator(t -> Texts.event(this, t));
        events.setValue(EnumSet.of(EventType.RECORD_CREATED));
        forms.setLabel(getTranslation("webhooks.field.forms"));
        forms.setHelperText(getTranslation("webhooks.field.formsHelp"));
        forms.setItems(published);
        forms.setItemLabelGenerator(f -> f.label().in(getLocale()));
        if (existing != null) {
            url.setValue(existing.url());
            description.setValue(existing.description() == null ? "" : existing.description());
            format.setValue(existing.format());
            events.setValue(existing.eventTypes());
            forms.setValue(published.stream().filter(f -> existing.formIds().contains(f.id()))
                    .collect(Collectors.toSet()));
        }
        FormLayout layout = new FormLayout(url, description, format, forms, events);
        layout.setColspan(url, 2);
        layout.setColspan(events, 2);
        add(layout);
        Button ok = new Button(getTranslation("webhooks.save"), e -> {
            if (valid()) {
                save.accept(settings());
                close();
            }
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("webhooks.cancel"), e -> close()), ok);
        setWidth("min(100%, 40rem)");
    }

    private boolean valid() {
        String text = url.getValue().strip();
        boolean urlOk = text.matches("(?i)https?://[^\\s/]+.*");
        url.setInvalid(!urlOk);
        url.setErrorMessage(getTranslation("webhooks.error.url"));
        events.setInvalid(events.getValue().isEmpty());
        events.setErrorMessage(getTranslation("webhooks.error.events"));
        return urlOk && !events.getValue().isEmpty();
    }

    private EndpointSettings settings() {
        Set<String> formIds = forms.getValue().stream().map(FormDefinition::id).collect(Collectors.toSet());
        String text = description.getValue().strip();
        return new EndpointSettings(url.getValue().strip(), text.isEmpty() ? null : text, format.getValue(),
                events.getValue(), formIds);
    }
}
