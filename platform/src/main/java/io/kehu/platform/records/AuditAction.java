package io.kehu.platform.records;

import java.util.Locale;

/** What happened to a record, as the audit trail stores it (lower-case name). */
public enum AuditAction {
    CREATE,
    UPDATE,
    DELETE,
    RESTORE;

    /** The stored name, e.g. {@code update}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AuditAction fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
