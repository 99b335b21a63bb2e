package ${package};

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.ui.ViewContribution;
import org.pf4j.Extension;

/** The page {@code apps/${pluginId}/welcome}: a greeting and how many customers the signed-in user can see. */
@Extension
public class WelcomeView implements ViewContribution {

    static final String PATH = "welcome";

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public LocalText title() {
        return LocalText.of("欢迎", "Welcome");
    }

    @Override
    public Component create(PluginContext context) {
        H2 title = new H2(context.messages().get("welcome.title"));
        title.setId("welcome-title");
        // Records are read with the signed-in user's permissions, through the same path as Kehu's own screens.
        int customers = context.recordsOfCurrentUser().search("customer").limit(1000).list().size();
        Paragraph count = new Paragraph(context.messages().get("welcome.customers", customers));
        count.setId("welcome-customers");
        return new Div(title, count);
    }
}
