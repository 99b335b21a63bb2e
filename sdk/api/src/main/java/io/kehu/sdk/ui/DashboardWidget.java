package io.kehu.sdk.ui;

import com.vaadin.flow.component.Component;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import org.pf4j.ExtensionPoint;

/**
 * A card on the home page. The platform draws the card and its title; the plugin fills it.
 *
 * <pre>{@code
 * @Extension
 * public class OpenVisitsWidget implements DashboardWidget {
 *     public LocalText title() { return LocalText.of("待上门", "Open visits"); }
 *     public Component create(PluginContext context) { return new Span("3"); }
 * }
 * }</pre>
 */
public interface DashboardWidget extends ExtensionPoint {

    /** The card's title. */
    LocalText title();

    /** Position among the cards, smaller first. */
    default int order() {
        return 100;
    }

    /** Builds the card's content for the signed-in user. */
    Component create(PluginContext context);
}
