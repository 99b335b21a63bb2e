package io.kehu.platform.workflow;

import io.kehu.platform.forms.LocalizedText;
import java.util.Locale;

/**
 * A task could not be handed to someone else (转交 by its assignee, 改派 by their manager or an administrator), with
 * why in both languages; nothing was written.
 */
public class TaskHandOffRefusedException extends RuntimeException {

    /** Why the hand-off was refused. */
    public enum Reason {
        /** The task does not exist, is done or cancelled, or changed hands meanwhile. */
        NOT_OPEN,
        /** The actor is neither the assignee, nor their manager, nor an administrator. */
        NOT_ALLOWED,
        /** There is no such user account. */
        UNKNOWN_USER,
        /** The target account is disabled. */
        USER_DISABLED,
        /** The target already has the task. */
        SAME_ASSIGNEE,
        /** The target may not do this task: the rule that created it excludes them, or they may not read the record. */
        NOT_ELIGIBLE,
        /** The reason given is longer than the log keeps. */
        REASON_TOO_LONG
    }

    private final Reason reason;
    private final transient LocalizedText text;

    public TaskHandOffRefusedException(Reason reason, LocalizedText text) {
        super(reason + ": " + text.en());
        this.reason = reason;
        this.text = text;
    }

    public Reason reason() {
        return reason;
    }

    /** Why, for a person. */
    public LocalizedText text() {
        return text;
    }

    public String message(Locale locale) {
        return text.in(locale);
    }
}
