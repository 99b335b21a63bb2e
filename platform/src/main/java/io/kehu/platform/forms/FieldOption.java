package io.kehu.platform.forms;

/**
 * One choice of a select or multiselect field: the stored value and its label, e.g.
 * {@code {"value": "KEY", "label": {"zh": "大客户", "en": "Key customer"}}}.
 *
 * @param value the stored value: a stable code, never shown to users when a label exists
 * @param label what users see; empty means the value itself
 */
public record FieldOption(String value, LocalizedText label) {
}
