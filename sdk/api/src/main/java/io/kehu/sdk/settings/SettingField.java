package io.kehu.sdk.settings;

import io.kehu.sdk.LocalText;

/**
 * One setting of a plugin.
 *
 * @param key the key under which {@link PluginSettings} keeps it: {@code [a-z][a-z0-9_.-]*}
 * @param label what the admin sees
 * @param type how it is edited and checked
 * @param defaultValue the value before anyone sets one (as text), or {@code null}
 */
public record SettingField(String key, LocalText label, Type type, String defaultValue) {

    /** How a setting is edited. */
    public enum Type {
        TEXT, NUMBER, BOOLEAN
    }

    public static SettingField text(String key, LocalText label, String defaultValue) {
        return new SettingField(key, label, Type.TEXT, defaultValue);
    }

    public static SettingField number(String key, LocalText label, long defaultValue) {
        return new SettingField(key, label, Type.NUMBER, Long.toString(defaultValue));
    }

    public static SettingField flag(String key, LocalText label, boolean defaultValue) {
        return new SettingField(key, label, Type.BOOLEAN, Boolean.toString(defaultValue));
    }
}
