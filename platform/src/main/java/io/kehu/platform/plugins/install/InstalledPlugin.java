package io.kehu.platform.plugins.install;

import java.time.OffsetDateTime;

/**
 * A plugin's row in {@code kehu_plugin}: what was installed and what the admin wants.
 *
 * @param pluginId the plugin id
 * @param version the installed version
 * @param fileName the file in the plugins directory
 * @param sha256 the file's SHA-256, hex
 * @param enabled whether it should run
 * @param failure why it could not be loaded or started the last time, or {@code null}
 * @param installedBy who installed (or last upgraded) it; {@code system} for files found in the directory
 * @param installedAt when
 */
public record InstalledPlugin(String pluginId, String version, String fileName, String sha256, boolean enabled,
                       String failure, String installedBy, OffsetDateTime installedAt) {
}
