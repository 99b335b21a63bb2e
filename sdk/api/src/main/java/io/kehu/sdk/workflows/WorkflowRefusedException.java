package io.kehu.sdk.workflows;

import io.kehu.sdk.LocalText;

/** A transition the platform refused: wrong state, not allowed for the actor, comment missing, guard false… */
public class WorkflowRefusedException extends RuntimeException {

    private final String reason;
    private final LocalText text;

    public WorkflowRefusedException(String reason, LocalText text) {
        super(reason + ": " + text.en());
        this.reason = reason;
        this.text = text;
    }

    /** Which refusal, e.g. {@code WRONG_STATE}, {@code NOT_ALLOWED}, {@code COMMENT_REQUIRED}, {@code GUARD}. */
    public String reason() {
        return reason;
    }

    /** Why, in both languages, fit to show the user. */
    public LocalText text() {
        return text;
    }
}
