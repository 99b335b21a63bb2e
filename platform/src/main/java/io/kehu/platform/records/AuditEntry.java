package io.kehu.platform.records;

import java.time.OffsetDateTime;

/**
 * One line of a record's history: a field set on create, a field changed on update, or a delete/restore.
 *
 * @param id the audit row id, increasing in the order changes were made
 * @param formId the form
 * @param recordId the record
 * @param action what happened
 * @param fieldId the field concerned; {@code null} for delete and restore
 * @param oldValue the value before, as text; {@code null} when empty
 * @param newValue the value after, as text; {@code null} when empty
 * @param changedBy the user id; {@code null} for the platform itself
 * @param changedByName the user name (or the job's name) at the time of the change
 * @param changedAt when
 */
public record AuditEntry(long id, String formId, long recordId, AuditAction action, String fieldId, String oldValue,
                         String newValue, Long changedBy, String changedByName, OffsetDateTime changedAt) {
}
