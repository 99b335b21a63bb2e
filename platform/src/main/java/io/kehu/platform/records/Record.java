package io.kehu.platform.records;

import io.kehu.platform.forms.FormTables;
import java.time.OffsetDateTime;

/**
 * One stored record of a form, as a given actor may see it.
 *
 * @param formId the form
 * @param id the record id
 * @param rowVersion the version to pass back to update, delete or restore (optimistic locking)
 * @param parentId the parent record of a subtable row, else {@code null}
 * @param values the field values the actor may read
 * @param createdAt when it was created
 * @param createdBy who created it (user id; {@code null} for the platform itself)
 * @param updatedAt when it was last changed
 * @param updatedBy who changed it last (user id; {@code null} for the platform itself)
 * @param deletedAt when it was (soft) deleted, {@code null} for live records
 * @param deletedBy who deleted it
 */
public record Record(
        String formId,
        long id,
        int rowVersion,
        Long parentId,
        RecordValues values,
        OffsetDateTime createdAt,
        Long createdBy,
        OffsetDateTime updatedAt,
        Long updatedBy,
        OffsetDateTime deletedAt,
        Long deletedBy) {

    public boolean deleted() {
        return deletedAt != null;
    }

    /**
     * This record with only the values of {@code fieldIds} that it has (e.g. the columns a list shows), held
     * compactly, and without the audit columns (who and when created or changed), so that a screen holding pages of
     * records keeps no more than it shows. Id, version, parent and deletion stay: actions on the rows need them.
     */
    public Record only(java.util.Collection<String> fieldIds) {
        return new Record(formId, id, rowVersion, parentId, values.only(fieldIds), null, null, null, null, deletedAt,
                deletedBy);
    }

    /** Shortcut for {@code values().get(fieldId)}. */
    public Object get(String fieldId) {
        return values.get(fieldId);
    }

    /**
     * The value this record has in sort column {@code column} (a field id or a system column), as keyset paging
     * compares it: money sorts by its amount.
     */
    public Object sortValue(String column) {
        return switch (column) {
            case FormTables.ID -> id;
            case FormTables.ROW_VERSION -> rowVersion;
            case FormTables.PARENT_ID -> parentId;
            case FormTables.CREATED_AT -> createdAt;
            case FormTables.CREATED_BY -> createdBy;
            case FormTables.UPDATED_AT -> updatedAt;
            case FormTables.UPDATED_BY -> updatedBy;
            case FormTables.DELETED_AT -> deletedAt;
            case FormTables.DELETED_BY -> deletedBy;
            default -> values.get(column) instanceof Money m ? m.amount() : values.get(column);
        };
    }
}
