package io.kehu.platform.calendar;

import java.util.Locale;

/**
 * A calendar save refused because someone else saved the company calendar after the editor loaded it (optimistic
 * lock). Nothing was written; the editor reloads and enters the change again.
 */
public class CalendarChangedException extends RuntimeException {

    public CalendarChangedException(int expected) {
        super("Someone else changed the business calendar after you opened it (you had version " + expected
                + "); reload it and enter your change again");
    }

    /** The message for {@code locale}: Chinese for any Chinese locale, else English. */
    public String message(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage())
                ? "其他人在您打开后修改了工作日历，请重新加载后再次录入您的修改"
                : "Someone else changed the business calendar after you opened it; reload it and enter your change again";
    }
}
