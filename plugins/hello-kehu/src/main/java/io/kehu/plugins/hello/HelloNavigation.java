package io.kehu.plugins.hello;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.ui.NavItem;
import io.kehu.sdk.ui.NavigationContribution;
import java.util.List;
import org.pf4j.Extension;

/** Lists the greeting page in the "Apps" section of the side navigation. */
@Extension
public class HelloNavigation implements NavigationContribution {

    private final PluginContext context;

    public HelloNavigation(PluginContext context) {
        this.context = context;
    }

    @Override
    public List<NavItem> items() {
        return List.of(new NavItem(GreetingView.PATH, context.messages().text("nav.greeting"), "smiley-o", 10));
    }
}
