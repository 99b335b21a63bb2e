package io.kehu.sdk;

import java.util.Locale;

/**
 * A text in the platform's two languages. Plugins hand the platform labels and messages in this form because the
 * platform shows them to users of either language; {@link PluginMessages} builds them from the plugin's bundle.
 *
 * @param zh Simplified Chinese, may be {@code null} when only English exists
 * @param en English, may be {@code null} when only Chinese exists
 */
public record LocalText(String zh, String en) {

    public static LocalText of(String zh, String en) {
        return new LocalText(zh, en);
    }

    /** The text for {@code locale}: Chinese for any {@code zh} locale, English otherwise, the other one if missing. */
    public String in(Locale locale) {
        boolean chinese = locale != null && "zh".equals(locale.getLanguage());
        String first = chinese ? zh : en;
        String second = chinese ? en : zh;
        return first != null ? first : second == null ? "" : second;
    }
}
