package io.kehu.sdk.ui;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Side-navigation links of the plugin, in the platform's "Apps" section; they appear and disappear with the plugin.
 *
 * <pre>{@code
 * @Extension
 * public class HelloNavigation implements NavigationContribution {
 *     public List<NavItem> items() { return List.of(new NavItem("greeting", LocalText.of("问候", "Greeting"), "smiley-o", 10)); }
 * }
 * }</pre>
 */
public interface NavigationContribution extends ExtensionPoint {

    /** The links; each path is one of the plugin's {@link ViewContribution#path() view paths}. */
    List<NavItem> items();
}
