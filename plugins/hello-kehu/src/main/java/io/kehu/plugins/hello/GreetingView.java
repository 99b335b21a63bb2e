package io.kehu.plugins.hello;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.ui.ViewContribution;
import org.pf4j.Extension;

/** The page {@code apps/hello-kehu/greeting}: the configured greeting and how many greetings were written. */
@Extension
public class GreetingView implements ViewContribution {

    static final String PATH = "greeting";

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public LocalText title() {
        return LocalText.of("问候", "Greeting");
    }

    @Override
    public Component create(PluginContext context) {
        H2 greeting = new H2(context.settings().get(HelloSettings.GREETING, context.messages().get("greeting")));
        greeting.setId("hello-greeting");
        int written = context.recordsOfCurrentUser().search(HelloForms.FORM).limit(1000).list().size();
        Paragraph count = new Paragraph(context.messages().get("greetings.count", written));
        count.setId("hello-count");
        return new Div(greeting, count);
    }
}
