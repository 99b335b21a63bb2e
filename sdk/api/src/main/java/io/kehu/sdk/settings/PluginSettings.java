package io.kehu.sdk.settings;

import java.util.Map;
import java.util.Optional;

/**
 * The plugin's key/value settings, persisted by the platform and shared by all application nodes. Values set on the
 * Plugins screen and by {@link #put} end up here; a key never set falls back to its {@link SettingField} default.
 */
public interface PluginSettings {

    /** The value, or the declared default, or empty. */
    Optional<String> get(String key);

    /** The value, or {@code fallback}. */
    default String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    /** Stores a value ({@code null} removes it). */
    void put(String key, String value);

    /** Every stored value (without defaults). */
    Map<String, String> all();
}
