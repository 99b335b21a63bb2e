package io.kehu.platform.imports.read;

import java.io.IOException;

/**
 * A file that cannot be read as the import needs it (an Excel 95 file, a password, a broken workbook, a missing
 * sheet), said as a key of the import messages ({@code imports_zh_CN} / {@code imports_en}) so that each user reads
 * it in their own language. The library's own words stay in the cause, for the log.
 */
public class UnreadableFileException extends IOException {

    private final String key;
    private final transient Object[] args;

    public UnreadableFileException(String key, Throwable cause, Object... args) {
        super(key, cause);
        this.key = key;
        this.args = args.clone();
    }

    /** The message key, e.g. {@code imports.read.xlsTooOld}. */
    public String key() {
        return key;
    }

    /** The message's arguments ({@code {0}}, ...). */
    public Object[] args() {
        return args.clone();
    }
}
