package ${package};

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.ui.NavItem;
import io.kehu.sdk.ui.NavigationContribution;
import java.util.List;
import org.pf4j.Extension;

/** Links the welcome page from the "Apps" section of the side navigation. */
@Extension
public class WelcomeNavigation implements NavigationContribution {

    private final PluginContext context;

    public WelcomeNavigation(PluginContext context) {
        this.context = context;
    }

    @Override
    public List<NavItem> items() {
        return List.of(new NavItem(WelcomeView.PATH, context.messages().text("nav.welcome"), "smiley-o", 10));
    }
}
