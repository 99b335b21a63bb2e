package io.kehu.platform.startup;

/** A start-up check failed; the message is one line that names the setting to change. */
public class StartupCheckException extends RuntimeException {

    private final String action;

    public StartupCheckException(String message, String action) {
        super(message);
        this.action = action;
    }

    /** What the user should do about it. */
    public String action() {
        return action;
    }
}
