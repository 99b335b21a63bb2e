package io.kehu.sdk.mail;

/**
 * Mail to people outside Kehu (customers), through the platform's SMTP server ({@code spring.mail.host}, the one
 * that mails notices to users): e.g. the survey plugin mails each customer with an e-mail address their personal
 * link. A mail leaves after the current transaction commits (at once outside one), on a background thread, so a slow
 * or absent mail server never slows or fails the work that asked for it; a mail the server refuses is logged in the
 * plugin's log and not retried (there is no outbox for outside mail yet).
 *
 * <pre>{@code
 * if (context.mail().configured()) {
 *     context.mail().send("wang@example.com", "满意度调查", "您好！请点击链接填写问卷：" + link);
 * }
 * }</pre>
 */
public interface PluginMail {

    /** Whether an SMTP server is configured; without one {@link #send} refuses. */
    boolean configured();

    /**
     * The address people reach Kehu at ({@code kehu.public-url}, e.g. {@code https://crm.example.com}, no trailing
     * slash): for links in mails and notices made outside a browser request.
     */
    String publicUrl();

    /**
     * Queues a plain-text mail (UTF-8) from the platform's sender ({@code kehu.mail.from}).
     *
     * @throws IllegalArgumentException when {@code to} is not one e-mail address, or the subject is blank
     * @throws IllegalStateException when no SMTP server is configured
     */
    void send(String to, String subject, String text);
}
