package io.kehu.platform.webhooks.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.platform.designer.ConditionFields;
import io.kehu.platform.designer.ScriptField;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.webhooks.EndpointSettings;
import io.kehu.platform.webhooks.EventType;
import io.kehu.platform.webhooks.PayloadFormat;
import io.kehu.platform.webhooks.WebhookEndpoint;
import io.kehu.platform.webhooks.WebhookSettingsException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Adding or editing an endpoint; hands the settings to the view, which saves them. A refusal (a taken channel name, a
 * rule that does not compile) is shown at its field and the dialog stays open.
 */
class EndpointDialog extends Dialog {

    private final TextField url = new TextField();
    private final TextField description = new TextField();
    private final Select<PayloadFormat> format = new Select<>();
    private final CheckboxGroup<EventType> events = new CheckboxGroup<>();
    private final MultiSelectComboBox<FormDefinition> forms = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<String> plugins = new MultiSelectComboBox<>();
    private final TextField channel = new TextField();
    private final PasswordField robotSecret = new PasswordField();
    private final VerticalLayout ruleBox = new VerticalLayout();
    private final ConditionFields conditions;
    private ScriptField rule;
    private String ruleText;

    EndpointDialog(WebhookEndpoint existing, List<FormDefinition> published, Map<String, String> pluginNames,
            ConditionFields conditions, Consumer<EndpointSettings> save) {
        this.conditions = conditions;
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
        events.setItems(Arrays.stream(EventType.values()).filter(EventType::subscribable).toList());
        events.setItemLabelGenerator(t -> Texts.event(this, t));
        events.setValue(EnumSet.of(EventType.RECORD_CREATED));
        forms.setLabel(getTranslation("webhooks.field.forms"));
        forms.setHelperText(getTranslation("webhooks.field.formsHelp"));
        forms.setItems(published);
        forms.setItemLabelGenerator(f -> f.label().in(getLocale()));
        plugins.setId("endpoint-plugins");
        plugins.setLabel(getTranslation("webhooks.field.plugins"));
        plugins.setHelperText(getTranslation("webhooks.field.pluginsHelp"));
        plugins.setItems(pluginNames.keySet().stream().sorted().toList());
        plugins.setItemLabelGenerator(id -> pluginNames.getOrDefault(id, id));
        channel.setId("endpoint-channel");
        channel.setLabel(getTranslation("webhooks.field.channel"));
        channel.setHelperText(getTranslation("webhooks.field.channelHelp"));
        channel.setMaxLength(63);
        robotSecret.setId("endpoint-robot-secret");
        robotSecret.setLabel(getTranslation("webhooks.field.robotSecret"));
        robotSecret.setHelperText(getTranslation(existing != null && existing.robotSigned()
                ? "webhooks.field.robotSecretKept" : "webhooks.field.robotSecretHelp"));
        ruleBox.setPadding(false);
        ruleBox.setSpacing(false);
        ruleBox.setId("endpoint-rule-box");
        if (existing != null) {
            url.setValue(existing.url());
            description.setValue(existing.description() == null ? "" : existing.description());
            format.setValue(existing.format());
            events.setValue(existing.eventTypes());
            forms.setValue(published.stream().filter(f -> existing.formIds().contains(f.id()))
                    .collect(Collectors.toSet()));
            plugins.setValue(existing.pluginIds());
            channel.setValue(existing.channel() == null ? "" : existing.channel());
            ruleText = existing.rule();
        }
        format.addValueChangeListener(e -> showFormatFields());
        events.addValueChangeListener(e -> plugins.setVisible(e.getValue().contains(EventType.PLUGIN)));
        forms.addValueChangeListener(e -> showRule());
        plugins.setVisible(events.getValue().contains(EventType.PLUGIN));
        showFormatFields();
        showRule();
        FormLayout layout = new FormLayout(url, description, format, robotSecret, forms, channel, events, plugins,
                ruleBox);
        layout.setColspan(url, 2);
        layout.setColspan(events, 2);
        layout.setColspan(plugins, 2);
        layout.setColspan(ruleBox, 2);
        add(layout);
        Button ok = new Button(getTranslation("webhooks.save"), e -> {
            if (valid()) {
                try {
                    save.accept(settings());
                    close();
                } catch (WebhookSettingsException refused) {
                    showRefusal(refused);
                }
            }
        });
        ok.setId("endpoint-save");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("webhooks.cancel"), e -> close()), ok);
        setWidth("min(100%, 48rem)");
    }

    private void showFormatFields() {
        PayloadFormat f = format.getValue();
        robotSecret.setVisible(f == PayloadFormat.DINGTALK || f == PayloadFormat.FEISHU);
    }

    /** A rule is typed against one form: the condition editor shows when exactly one form is chosen. */
    private void showRule() {
        if (rule != null) {
            ruleText = rule.value();
        }
        ruleBox.removeAll();
        rule = null;
        Set<FormDefinition> chosen = forms.getValue();
        if (chosen.size() != 1) {
            Paragraph hint = new Paragraph(getTranslation("webhooks.field.ruleNeedsForm"));
            hint.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
            ruleBox.add(hint);
            return;
        }
        FormDefinition form = chosen.iterator().next();
        rule = conditions.condition("endpoint-rule", getTranslation("webhooks.field.rule"), () -> form, text -> {
        });
        rule.setScript(ruleText);
        ruleBox.add(rule);
    }

    private boolean valid() {
        String text = url.getValue().strip();
        boolean urlOk = text.matches("(?i)https?://[^\\s/]+.*");
        url.setInvalid(!urlOk);
        url.setErrorMessage(getTranslation("webhooks.error.url"));
        boolean eventsOk = !events.getValue().isEmpty() || !channel.getValue().isBlank();
        events.setInvalid(!eventsOk);
        events.setErrorMessage(getTranslation("webhooks.error.events"));
        return urlOk && eventsOk;
    }

    private void showRefusal(WebhookSettingsException refused) {
        String message = getTranslation(refused.messageKey(), refused.arguments());
        switch (refused.field()) {
            case "channel" -> {
                channel.setInvalid(true);
                channel.setErrorMessage(message);
            }
            case "rule" -> {
                if (rule != null) {
                    rule.setError(message);
                } else {
                    forms.setInvalid(true);
                    forms.setErrorMessage(message);
                }
            }
            default -> {
                events.setInvalid(true);
                events.setErrorMessage(message);
            }
        }
    }

    private EndpointSettings settings() {
        Set<String> formIds = forms.getValue().stream().map(FormDefinition::id).collect(Collectors.toSet());
        String text = description.getValue().strip();
        Set<String> pluginIds = events.getValue().contains(EventType.PLUGIN) ? plugins.getValue() : Set.of();
        return new EndpointSettings(url.getValue().strip(), text.isEmpty() ? null : text, format.getValue(),
                events.getValue(), formIds, pluginIds, rule == null ? null : rule.value(), channel.getValue(),
                robotSecret.isVisible() ? robotSecret.getValue() : null);
    }
}
