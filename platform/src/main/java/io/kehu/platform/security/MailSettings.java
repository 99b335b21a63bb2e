package io.kehu.platform.security;

import java.util.regex.Pattern;

/**
 * Where and whether a user gets the bell's notices by e-mail too.
 *
 * @param email the address, or null when none was given
 * @param notices whether notices are mailed to it
 */
public record MailSettings(String email, boolean notices) {

    /**
     * One address, no display name: a local part and a domain with a dot, no spaces or angle brackets (a full RFC
     * 5322 check accepts addresses no mail server here would route, and the SMTP server has the last word anyway).
     */
    private static final Pattern ADDRESS = Pattern.compile("^[^\\s@<>,;\"]{1,64}@[^\\s@<>,;\"]+\\.[^\\s@<>,;\".]{2,}$");

    /** Whether mail should be sent: an address is given and the user wants notices there. */
    public boolean mailed() {
        return email != null && notices;
    }

    /** Whether {@code text} is a plausible single e-mail address of at most 254 characters. */
    public static boolean isAddress(String text) {
        return text != null && text.length() <= 254 && ADDRESS.matcher(text).matches();
    }
}
