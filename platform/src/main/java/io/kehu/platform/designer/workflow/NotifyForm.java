package io.kehu.platform.designer.workflow;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H5;
import com.vaadin.flow.component.textfield.TextField;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code notify}: the message (zh/en), who is told in the app and by e-mail (the same chooser as who may act), and/or
 * a webhook channel: the channel name an endpoint has in the webhooks console (e.g. a WeCom group robot).
 */
final class NotifyForm extends FormLayout implements WritesBack {

    private final ObjectNode action;
    private final LocalizedInputs message;
    private final ActorsEditor to;
    private final TextField webhook = new TextField();

    NotifyForm(String id, ObjectNode action, WorkflowEditing editing) {
        this.action = action;
        message = new LocalizedInputs(id + "-message", getTranslation("wf.notify.message"), action, "message");
        webhook.setId(id + "-webhook");
        webhook.setLabel(getTranslation("wf.notify.webhook"));
        webhook.setHelperText(getTranslation("wf.notify.webhook.help"));
        webhook.setValue(action.path("webhook").asString(""));
        to = new ActorsEditor(id + "-to", action, "to", editing);
        to.addComponentAsFirst(new H5(getTranslation("wf.notify.to")));
        add(message.zh, message.en, webhook);
        add(to);
        setColspan(to, 2);
    }

    @Override
    public void write() {
        message.write();
        to.write();
        JsonEdits.text(action, "webhook", webhook.getValue());
    }
}
