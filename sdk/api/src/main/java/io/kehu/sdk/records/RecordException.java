package io.kehu.sdk.records;

/** A read or write the platform refused; {@link #reason()} says which kind, the message says why. */
public class RecordException extends RuntimeException {

    /** The kinds of refusal. */
    public enum Reason {
        /** The form or record does not exist, or may not be seen. */
        NOT_FOUND,
        /** Values are wrong or missing. */
        INVALID,
        /** The actor may not do this. */
        DENIED,
        /** Someone else saved the record since it was read. */
        CONFLICT,
        /** A guard or listener vetoed the write. */
        VETOED,
        /** A {@link BatchWrite} was cancelled; nothing of it was written. */
        CANCELLED
    }

    private final Reason reason;

    public RecordException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
