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
        // Records are read with the signed-in user's permissions, through the same path as Kehu's own screens; the
        // database counts them.
        long[] customers = {0};
        context.recordsOfCurrentUser().aggregate("customer").count().forEach(row -> customers[0] = row.count());
        Paragraph count = new Paragraph(context.messages().get("welcome.customers", customers[0]));
        count.setId("welcome-customers");
        // A lazy grid lent by the SDK: it reads one page of customers at a time, however many there are.
        Component grid = context.components().recordGrid("customer",
                () -> context.recordsOfCurrentUser().search("customer").sortBy("name", false), "name", "level");
        grid.setId("welcome-grid");
        return new Div(title, count, grid);
    }
}
