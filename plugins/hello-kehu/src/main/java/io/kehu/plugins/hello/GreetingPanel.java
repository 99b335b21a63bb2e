package io.kehu.plugins.hello;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.ui.RecordPanel;
import org.pf4j.Extension;

/** A tab on greeting records saying who the greeting is for. */
@Extension
public class GreetingPanel implements RecordPanel {

    @Override
    public String formId() {
        return HelloForms.FORM;
    }

    @Override
    public LocalText title() {
        return LocalText.of("收件人", "Recipient");
    }

    @Override
    public Component create(PluginContext context, long recordId) {
        Object to = context.recordsOfCurrentUser().get(HelloForms.FORM, recordId)
                .map(r -> r.get("recipient")).orElse("");
        return new Span(context.messages().get("panel.recipient", to));
    }
}
