package io.kehu.platform.designer.workflow;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H5;
import io.kehu.platform.workflow.NotifyChannels;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code notify}: the message (zh/en), who is told in the app and by e-mail (the same chooser as who may act), and/or
 * a webhook channel: the channel name an endpoint has in the webhooks console (e.g. a WeCom group robot), picked from
 * the names set up there. A name not set up yet may still be typed (the endpoint can come later); the helper text
 * then says that the group will not be told until it is.
 */
final class NotifyForm extends FormLayout implements WritesBack {

    private final ObjectNode action;
    private final LocalizedInputs message;
    private final ActorsEditor to;
    private final ComboBox<String> webhook = new ComboBox<>();
    private final List<NotifyChannels.Channel> channels;

    NotifyForm(String id, ObjectNode action, WorkflowEditing editing) {
        this.action = action;
        this.channels = editing.channels();
        message = new LocalizedInputs(id + "-message", getTranslation("wf.notify.message"), action, "message");
        webhook.setId(id + "-webhook");
        webhook.setLabel(getTranslation("wf.notify.webhook"));
        webhook.setClearButtonVisible(true);
        webhook.setAllowCustomValue(true);
        List<String> names = new ArrayList<>(channels.stream().map(NotifyChannels.Channel::name).toList());
        String current = action.path("webhook").asString("");
        if (!current.isEmpty() && !names.contains(current)) {
            names.add(current);
        }
        webhook.setItems(names);
        webhook.setItemLabelGenerator(this::channelLabel);
        webhook.addCustomValueSetListener(e -> {
            List<String> withTyped = new ArrayList<>(names);
            withTyped.add(e.getDetail().strip());
            webhook.setItems(withTyped);
            webhook.setValue(e.getDetail().strip());
        });
        webhook.addValueChangeListener(e -> explain());
        webhook.setValue(current.isEmpty() ? null : current);
        explain();
        to = new ActorsEditor(id + "-to", action, "to", editing);
        to.addComponentAsFirst(new H5(getTranslation("wf.notify.to")));
        add(message.zh, message.en, webhook);
        add(to);
        setColspan(to, 2);
    }

    private String channelLabel(String name) {
        return channel(name).map(c -> c.description().isBlank() ? name : name + "（" + c.description() + "）")
                .orElse(name);
    }

    private Optional<NotifyChannels.Channel> channel(String name) {
        return channels.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Says whether the chosen channel will reach anyone. */
    private void explain() {
        String name = webhook.getValue();
        if (name == null || name.isBlank()) {
            webhook.setHelperText(getTranslation("wf.notify.webhook.help"));
            return;
        }
        webhook.setHelperText(channel(name).map(c -> c.enabled() ? getTranslation("wf.notify.webhook.known")
                : getTranslation("wf.notify.webhook.disabled")).orElse(getTranslation("wf.notify.webhook.unknown",
                name)));
    }

    @Override
    public void write() {
        message.write();
        to.write();
        JsonEdits.text(action, "webhook", webhook.getValue() == null ? "" : webhook.getValue());
    }
}
