package io.kehu.sdk.records;

/** What a write does to a record. */
public enum RecordAction {
    CREATE, UPDATE, DELETE, RESTORE
}
