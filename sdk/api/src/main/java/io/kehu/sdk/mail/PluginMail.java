package io.kehu.sdk.mail;

/**
 * Mail to people outside Kehu (customers), through the platform's SMTP server ({@code spring.mail.host}, the one
 * that mails notices to users): e.g. the survey plugin mails each customer with an e-mail address their personal
 * link. A mail leaves after the current transaction commits (at once outside one), on a background thread, so a slow
 * or absent mail server never slows or fails the work that asked for it; a mail the server refuses is logged in the
 * plugin's log and not retried. A plugin that must know whether a mail left (to retry it) uses {@link #sendNow} and
 * keeps its own outbox.
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

    /**
     * Sends a plain-text mail (UTF-8) now, on the caller's thread, and says whether the server took it: for a plugin
     * that keeps its own outbox and retries what was refused (the survey plugin retries customers' mails with
     * backoff and reports those that never leave). Call it outside a transaction: it waits for the server.
     *
     * @throws IllegalArgumentException when {@code to} is not one e-mail address, or the subject is blank (retrying
     *         will not help)
     * @throws IllegalStateException when no SMTP server is configured
     * @throws MailNotSentException when the server could not be reached or refused the mail (retrying later may help)
     */
    void sendNow(String to, String subject, String text);
}
