package io.kehu.platform.forms;

import java.time.OffsetDateTime;

/**
 * One line of the forms administration list: where a form stands between its published version and its draft.
 *
 * @param formId the form
 * @param publishedVersion the version users see, or null when the form was never published
 * @param publishedBy who published that version, or null
 * @param publishedAt when, or null
 * @param draftBy who last saved an unpublished draft, or null when there is none
 * @param draftAt when, or null
 */
public record FormOverview(String formId, Integer publishedVersion, String publishedBy, OffsetDateTime publishedAt,
                           String draftBy, OffsetDateTime draftAt) {

    public boolean hasDraft() {
        return draftBy != null;
    }

    /** Who changed the form last: the draft's author when the draft is newer, else the publisher. */
    public String lastChangedBy() {
        if (draftAt != null && (publishedAt == null || draftAt.isAfter(publishedAt))) {
            return draftBy;
        }
        return publishedBy;
    }

    /** When the form was changed last (draft or publish). */
    public OffsetDateTime lastChangedAt() {
        if (draftAt != null && (publishedAt == null || draftAt.isAfter(publishedAt))) {
            return draftAt;
        }
        return publishedAt;
    }
}
