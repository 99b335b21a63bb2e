package io.kehu.platform.workflow;

import io.kehu.platform.forms.LocalizedText;
import java.util.Locale;

/**
 * A transition refused before anything was written: the reason for screens and tests, the text for people (zh and
 * en). A stale row version is not this: it is the records' {@code RecordConflictException}, as for any write.
 */
public class TransitionRefusedException extends RuntimeException {

    /** Why a transition was refused. */
    public enum Reason {
        /** The form has no workflow in force. */
        NO_WORKFLOW,
        /** The workflow has no such transition. */
        UNKNOWN_TRANSITION,
        /** The record is not in one of the states the transition leaves from. */
        WRONG_STATE,
        /** The actor may not take it ({@link #decision()} says why). */
        NOT_ALLOWED,
        /** The transition asks for a comment and none was given. */
        COMMENT_REQUIRED,
        /** The comment is longer than the log keeps. */
        COMMENT_TOO_LONG,
        /** Fields the transition requires are empty. */
        FIELDS_MISSING,
        /** The transition's guard does not hold. */
        GUARD,
        /** An action of the transition could not be done (a record it writes was refused), so nothing was. */
        ACTION_FAILED,
        /** An approval transition: the actor holds no open approval task of the record's current round. */
        NOT_APPROVER,
        /** An approval transition: the actor approved in this round already; others still have to. */
        ALREADY_APPROVED,
        /** An approval transition: the round was decided or closed (the record moved) meanwhile. */
        ROUND_CLOSED
    }

    private final Reason reason;
    private final transient WhoMayAct.Decision decision;
    private final transient LocalizedText text;

    public TransitionRefusedException(Reason reason, WhoMayAct.Decision decision, LocalizedText text) {
        super(reason + ": " + text.in(Locale.ENGLISH));
        this.reason = reason;
        this.decision = decision;
        this.text = text;
    }

    public Reason reason() {
        return reason;
    }

    /** For {@link Reason#NOT_ALLOWED}: who-may-act's decision (e.g. excluded as the handler); else null. */
    public WhoMayAct.Decision decision() {
        return decision;
    }

    /** What to tell the user, in Chinese and English. */
    public LocalizedText text() {
        return text;
    }
}
