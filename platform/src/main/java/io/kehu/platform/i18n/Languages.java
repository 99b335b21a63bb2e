package io.kehu.platform.i18n;

import java.util.List;
import java.util.Locale;

/** The languages Kehu speaks. Simplified Chinese is first-class, English is the fallback. */
public final class Languages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(CHINESE, ENGLISH);

    private Languages() {
    }

    /** The supported language closest to {@code locale}: any Chinese variant is Chinese, anything else English. */
    public static Locale closest(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? CHINESE : ENGLISH;
    }

    /** The other supported language, for a one-click switch. */
    public static Locale other(Locale locale) {
        return closest(locale).equals(CHINESE) ? ENGLISH : CHINESE;
    }
}
