package io.kehu.sdk.ui;

import com.vaadin.flow.component.Component;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import java.util.Set;
import org.pf4j.ExtensionPoint;

/**
 * A page of the plugin, shown inside the platform's layout at {@code apps/<plugin id>/<path>}. The platform registers
 * the route when the plugin starts and removes it when the plugin stops, without a restart; list it in the side
 * navigation with a {@link NavigationContribution}. The page is built from Vaadin Flow components
 * ({@code com.vaadin:flow-server} and the free component artifacts, scope {@code provided}); no npm packages.
 *
 * <pre>{@code
 * @Extension
 * public class GreetingView implements ViewContribution {
 *     public String path() { return "greeting"; }
 *     public LocalText title() { return LocalText.of("问候", "Greeting"); }
 *     public Component create(PluginContext context) { return new H2(context.messages().get("greeting")); }
 * }
 * }</pre>
 */
public interface ViewContribution extends ExtensionPoint {

    /** The path below {@code apps/<plugin id>/}: lower-case words separated by {@code /} or {@code -}. */
    String path();

    /** The page title. */
    LocalText title();

    /** Roles (ADMIN, MANAGER, STAFF) of which a user needs one; empty for every signed-in user. */
    default Set<String> roles() {
        return Set.of();
    }

    /** Builds the page for one visit, in the user's request. */
    Component create(PluginContext context);
}
