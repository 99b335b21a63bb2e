package io.kehu.platform.security;

import java.util.Locale;

/**
 * A manager assignment that would not make a team: the manager is not a manager, is disabled, is the person
 * themselves, or reports to them (a circle). The message is one sentence in Chinese and one in English.
 */
public class TeamChangeRefusedException extends RuntimeException {

    private final String zh;
    private final String en;

    public TeamChangeRefusedException(String zh, String en) {
        super(en);
        this.zh = zh;
        this.en = en;
    }

    /** The message for {@code locale}: Chinese for any Chinese locale, else English. */
    public String message(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? zh : en;
    }
}
