package io.kehu.platform.imports;

/** What an import does with each file row. */
public enum ImportMode {
    /** Every row becomes a new record. */
    CREATE,
    /** A row whose key fields match an existing record updates it; other rows become new records. */
    UPSERT,
    /** A row whose key fields match an existing record updates it; other rows are refused. */
    UPDATE
}
