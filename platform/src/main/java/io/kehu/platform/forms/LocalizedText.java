package io.kehu.platform.forms;

import java.util.Locale;

/**
 * A text in Simplified Chinese and English, as labels and help texts are written in definitions:
 * {@code {"zh": "客户", "en": "Customer"}}. Either may be missing; the other is then shown.
 *
 * @param zh the Chinese text, may be {@code null}
 * @param en the English text, may be {@code null}
 */
public record LocalizedText(String zh, String en) {

    public static final LocalizedText EMPTY = new LocalizedText(null, null);

    public static LocalizedText of(String zh, String en) {
        return new LocalizedText(zh, en);
    }

    /** The text for {@code locale}: Chinese for any Chinese locale, else English; falls back to the other one. */
    public String in(Locale locale) {
        boolean chinese = locale != null && "zh".equals(locale.getLanguage());
        String first = chinese ? zh : en;
        String second = chinese ? en : zh;
        return first != null && !first.isBlank() ? first : second == null ? "" : second;
    }

    public boolean isEmpty() {
        return (zh == null || zh.isBlank()) && (en == null || en.isBlank());
    }
}
