package io.kehu.sdk.ui;

import com.vaadin.flow.component.Component;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import java.util.List;
import java.util.Map;
import org.pf4j.ExtensionPoint;

/**
 * A page anyone may open <b>without signing in</b>, at {@code public/<plugin id>/<path>}: the answer page a
 * customer reaches from a personal survey link, a feedback card. Only these paths are public; every other page of
 * the plugin and of Kehu still needs a sign-in.
 *
 * <p>The host serves it without the app's menu, in the browser's language, and limits how often one address may
 * open public pages ({@code kehu.plugins.public-page-limit-per-minute}, default 30; beyond it the page says "try
 * again in a minute" and the plugin is not called). Vaadin's own request protection (each page's security key)
 * keeps other sites from submitting into it (CSRF). There is no signed-in user: {@link PluginContext#records()} acts
 * as the plugin, so the page must show only what its link entitles the visitor to (an unguessable token in the
 * parameters, checked by the plugin) and must set visitors' text as text, never as HTML.
 *
 * <pre>{@code
 * @Extension
 * public class AnswerPage implements PublicPage {
 *     public String path() { return "answer"; }
 *     public LocalText title() { return LocalText.of("满意度调查", "Satisfaction survey"); }
 *     public Component create(PluginContext context, Map<String, List<String>> parameters) {
 *         String token = parameters.getOrDefault("t", List.of("")).getFirst();
 *         ...
 *     }
 * }
 * }</pre>
 */
public interface PublicPage extends ExtensionPoint {

    /** The path under {@code public/<plugin id>/}: lower-case words separated by {@code /} or {@code -}. */
    String path();

    /** The browser tab's title. */
    LocalText title();

    /**
     * Builds the page for one visit.
     *
     * @param context the plugin's context
     * @param parameters the address's query parameters ({@code ?t=…}), name → values
     */
    Component create(PluginContext context, Map<String, List<String>> parameters);
}
