package io.kehu.sdk.settings;

import io.kehu.sdk.json.JsonType;
import java.util.Map;
import java.util.Optional;

/**
 * The plugin's key/value settings, persisted by the platform and shared by all application nodes. Values set on the
 * Plugins screen and by {@link #put} end up here; a key never set falls back to its {@link SettingField} default.
 *
 * <p>Structured settings (a list of schemes, a table of entitlements) are JSON values read and written as the
 * plugin's own types with {@link #getJson} and {@link #putJson}; the platform does the (de)serialising (see
 * {@link io.kehu.sdk.json.PluginJson}).
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

    /**
     * The JSON value (or the declared default) of {@code key} read as {@code type}; empty when neither exists.
     *
     * @throws IllegalArgumentException naming the key and where in its JSON the value does not fit {@code type}
     */
    <T> Optional<T> getJson(String key, JsonType<T> type);

    /** {@link #getJson(String, JsonType)} for a plain class, e.g. a settings record. */
    default <T> Optional<T> getJson(String key, Class<T> type) {
        return getJson(key, JsonType.of(type));
    }

    /** Stores {@code value} as JSON ({@code null} removes the key). */
    void putJson(String key, Object value);
}
