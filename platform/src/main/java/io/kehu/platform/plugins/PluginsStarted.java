package io.kehu.platform.plugins;

/**
 * Published once the plugins of the directory are loaded and the enabled ones started, at application start: work
 * that needs a plugin's jobs (e.g. classifying the first demo customers) waits for it.
 */
public record PluginsStarted() {
}
