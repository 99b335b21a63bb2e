package io.kehu.platform.notifications;

import io.kehu.platform.forms.LocalizedText;
import java.time.Instant;

/**
 * Something a user was told, e.g. 您有新的待办：回访客户，确认投诉已解决.
 *
 * @param id the notification id
 * @param userId whom it is for
 * @param kind what sort it is, e.g. {@code task} (for icons and filtering, never shown)
 * @param title the text in both languages, as sent
 * @param formId the form of the record it is about, or null
 * @param recordId the record it is about, or null
 * @param createdAt when it was sent
 * @param readAt when the user read it, or null while unread
 */
public record Notification(long id, long userId, String kind, LocalizedText title, String formId, Long recordId,
        Instant createdAt, Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }

    /** The route of the record it is about ({@code forms/feedback/12}), or null. */
    public String recordPath() {
        return formId == null || recordId == null ? null : "forms/" + formId + "/" + recordId;
    }
}
