package io.kehu.platform.imports;

/** What the import review decided for one file row that looks like a duplicate. */
public enum DuplicateDecision {
    /** Create the record anyway. */
    IMPORT,
    /** Leave the row out. */
    SKIP,
    /**
     * Write the row's non-blank cells onto the stored record it duplicates (as an update would), instead of creating
     * a record. A row duplicating an earlier row of the same file has no stored record: it is skipped.
     */
    MERGE
}
