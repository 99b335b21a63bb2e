package io.kehu.platform.records;

import io.kehu.platform.forms.LocalizedText;

/**
 * Why one field's value cannot be saved. Errors of all fields are collected so that a user sees every problem of a
 * form (or an import line) at once.
 *
 * @param fieldId the field, or {@code null} for a problem of the record as a whole
 * @param code a stable machine code, e.g. {@code required}, {@code phone}, {@code too_long}
 * @param message what the user is told, in Chinese and English
 */
public record FieldError(String fieldId, String code, LocalizedText message) {
}
