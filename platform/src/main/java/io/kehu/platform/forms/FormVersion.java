package io.kehu.platform.forms;

import java.time.OffsetDateTime;

/**
 * One published version of a form, as the version history lists it.
 *
 * @param formId the form
 * @param number 1, 2, 3 ... per form
 * @param publishedBy who published it (user name, or {@code system} for seeding)
 * @param publishedAt when
 * @param note what the publisher wrote about it, or null
 */
public record FormVersion(String formId, int number, String publishedBy, OffsetDateTime publishedAt, String note) {
}
