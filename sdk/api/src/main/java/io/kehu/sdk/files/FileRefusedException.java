package io.kehu.sdk.files;

import io.kehu.sdk.LocalText;

/** A file the platform would not store, with why in both languages (fit to show the user). */
public class FileRefusedException extends RuntimeException {

    /** Why a file was refused. */
    public enum Reason {
        /** No content. */
        EMPTY,
        /** Larger than the limit (before or after compression). */
        TOO_LARGE,
        /** {@code storeImage}: not a JPEG or PNG picture, or one that cannot be read. */
        NOT_AN_IMAGE,
        /** The owner key or the file name is blank or too long. */
        BAD_NAME
    }

    private final Reason reason;
    private final LocalText text;

    public FileRefusedException(Reason reason, LocalText text) {
        super(reason + ": " + text.en());
        this.reason = reason;
        this.text = text;
    }

    public Reason reason() {
        return reason;
    }

    public LocalText text() {
        return text;
    }
}
