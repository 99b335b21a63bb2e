package io.kehu.plugins.hello;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.ui.DashboardWidget;
import org.pf4j.Extension;

/** A home-page card with the configured greeting. */
@Extension
public class GreetingWidget implements DashboardWidget {

    @Override
    public LocalText title() {
        return LocalText.of("你好，客户", "Hello Kehu");
    }

    @Override
    public Component create(PluginContext context) {
        Span text = new Span(context.settings().get(HelloSettings.GREETING, context.messages().get("greeting")));
        text.setId("hello-widget");
        return text;
    }
}
