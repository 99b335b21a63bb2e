package io.kehu.platform.records;

import java.time.OffsetDateTime;

/**
 * A write refused because someone else saved the record after the writer read it (optimistic locking): the writer's
 * version is stale. Nothing was written; the user reloads and applies the change again.
 */
public class RecordConflictException extends RuntimeException {

    private final String formId;
    private final long id;
    private final int expectedVersion;
    private final int currentVersion;
    private final Long lastSavedBy;
    private final String lastSavedByName;
    private final OffsetDateTime lastSavedAt;

    public RecordConflictException(String formId, long id, int expectedVersion, int currentVersion, Long lastSavedBy,
                                   String lastSavedByName, OffsetDateTime lastSavedAt) {
        super("Record " + formId + "/" + id + " was changed by " + lastSavedByName + " at " + lastSavedAt
                + " (version " + currentVersion + ", you had version " + expectedVersion + ")");
        this.formId = formId;
        this.id = id;
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
        this.lastSavedBy = lastSavedBy;
        this.lastSavedByName = lastSavedByName;
        this.lastSavedAt = lastSavedAt;
    }

    public String formId() {
        return formId;
    }

    public long id() {
        return id;
    }

    public int expectedVersion() {
        return expectedVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }

    /** The user id of who saved last; {@code null} when it was the platform itself. */
    public Long lastSavedBy() {
        return lastSavedBy;
    }

    /** The name of who saved last, as the audit trail records it. */
    public String lastSavedByName() {
        return lastSavedByName;
    }

    public OffsetDateTime lastSavedAt() {
        return lastSavedAt;
    }
}
