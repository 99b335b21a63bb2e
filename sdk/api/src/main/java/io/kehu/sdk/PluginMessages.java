package io.kehu.sdk;

import java.util.Locale;

/**
 * The plugin's own texts: {@code plugin-messages_en.properties} and {@code plugin-messages_zh_CN.properties} at the
 * root of the plugin (the same keys in both). Arguments use {@link java.text.MessageFormat} placeholders
 * ({@code {0}}). A missing key shows as {@code !key!}.
 */
public interface PluginMessages {

    /** The text in {@code locale} (Chinese for any {@code zh} locale, English otherwise). */
    String get(String key, Locale locale, Object... arguments);

    /** The text in the current user's language (English outside a user's request). */
    String get(String key, Object... arguments);

    /** The text in both languages, for labels the platform shows (navigation entries, titles, vetoes). */
    LocalText text(String key, Object... arguments);
}
