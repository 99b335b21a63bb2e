package io.kehu.sdk.settings;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Declares the plugin's settings; the platform renders them on the Plugins screen (ADMIN only), stores the values and
 * hands them back through {@link PluginSettings}. The plugin draws no UI of its own for this.
 *
 * <pre>{@code
 * @Extension
 * public class HelloSettings implements SettingsPage {
 *     public List<SettingField> fields() {
 *         return List.of(SettingField.text("greeting", LocalText.of("问候语", "Greeting"), "Hello"));
 *     }
 * }
 * }</pre>
 */
public interface SettingsPage extends ExtensionPoint {

    /** The settings, in display order. */
    List<SettingField> fields();
}
