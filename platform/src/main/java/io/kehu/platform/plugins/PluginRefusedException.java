package io.kehu.platform.plugins;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * An upload or plugin operation the host refused; nothing was written. Carries a message key of the {@code plugins}
 * bundle and its arguments so the screen shows the reason in the user's language; {@link #getMessage()} is English,
 * for logs and the audit table.
 */
public class PluginRefusedException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public PluginRefusedException(String messageKey, Object... arguments) {
        super(english(messageKey, arguments));
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    /** The key in {@code i18n/plugins_*.properties}. */
    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    private static String english(String key, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.plugins", Locale.ENGLISH,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return bundle.containsKey(key) ? new MessageFormat(bundle.getString(key), Locale.ENGLISH).format(arguments)
                : key;
    }
}
