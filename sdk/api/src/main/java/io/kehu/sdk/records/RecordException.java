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
        CANCELLED,
        /**
         * A value of a field marked {@code "unique": true} is already taken, by a stored record or by one written at
         * the same moment by another thread or node (the database's unique index refused it). This is how a plugin
         * makes a write idempotent: give the record a unique key (e.g. source + rule) and treat DUPLICATE as
         * "already done". Inside {@link PluginTransactions#call} the whole transaction is undone.
         */
        DUPLICATE
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
