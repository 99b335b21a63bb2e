package io.kehu.platform.security;

import java.util.Locale;

/**
 * The one refusal for "you may not do this", wherever the check is made: records (read or write a form or a field,
 * hand over a record, see deleted ones), the form designer, plugin management, unlocking sign-ins. Messages are
 * written in Chinese and English, one short sentence each saying what is not allowed, so any screen can show the
 * refusal in the user's language; {@link #getMessage()} is the English one (for logs).
 *
 * <p>Not Spring's {@code AccessDeniedException}: services take an explicit {@link Actor} and are called from
 * plugins, jobs and imports, not only from web requests.
 */
public class AccessRefusedException extends RuntimeException {

    private final String zh;
    private final String en;

    public AccessRefusedException(String zh, String en) {
        super(en);
        this.zh = zh;
        this.en = en;
    }

    /** The message for {@code locale}: Chinese for any Chinese locale, else English. */
    public String message(Locale locale) {
        boolean chinese = locale != null && "zh".equals(locale.getLanguage());
        String text = chinese ? zh : en;
        return text == null || text.isBlank() ? (chinese ? en : zh) : text;
    }
}
