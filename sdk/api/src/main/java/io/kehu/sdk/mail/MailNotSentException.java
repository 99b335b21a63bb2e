package io.kehu.sdk.mail;

/**
 * A mail the SMTP server could not be reached for or refused ({@link PluginMail#sendNow}): nothing was sent, and
 * trying again later may succeed. The message says why, in the server's words (for the plugin's log and outbox).
 */
public class MailNotSentException extends RuntimeException {

    public MailNotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
