package io.kehu.platform.plugins;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One row of the Plugins screen.
 *
 * @param pluginId the plugin id (the file name for a file that is not a readable plugin)
 * @param name its description, else its id
 * @param version the installed version, or empty
 * @param status started, disabled or failed
 * @param requires its {@code Plugin-Requires} range, or empty
 * @param extensions the extension points it provides, e.g. {@code ViewContribution ×1}
 * @param error why it failed, or the last error of one of its extensions, or {@code null}
 * @param installedBy who installed it, or {@code null}
 * @param installedAt when, or {@code null}
 */
public record PluginInfo(String pluginId, String name, String version, PluginStatus status, String requires,
                         List<String> extensions, String error, String installedBy, OffsetDateTime installedAt) {

    public PluginInfo {
        extensions = List.copyOf(extensions);
    }
}
