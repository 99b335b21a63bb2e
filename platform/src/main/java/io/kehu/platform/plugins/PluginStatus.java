package io.kehu.platform.plugins;

/** What a plugin is doing, as the Plugins screen shows it. */
public enum PluginStatus {
    /** Running: its extensions are plugged in. */
    STARTED,
    /** Installed, switched off by an admin. */
    DISABLED,
    /** Could not be loaded or started; the reason is on its row. */
    FAILED
}
