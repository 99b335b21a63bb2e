package io.kehu.platform.webhooks;

import java.util.Arrays;

/**
 * Endpoint settings that cannot work, with the field to change and a message key of the {@code webhooks} bundle (and
 * its arguments), so the console shows the reason in the admin's language next to that field.
 */
public class WebhookSettingsException extends IllegalArgumentException {

    private final String field;
    private final String messageKey;
    private final transient Object[] arguments;

    public WebhookSettingsException(String field, String messageKey, Object... arguments) {
        super(messageKey + " " + Arrays.toString(arguments));
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    /** The setting to change: {@code channel}, {@code events} or {@code rule}. */
    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
