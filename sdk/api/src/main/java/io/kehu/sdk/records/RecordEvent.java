package io.kehu.sdk.records;

import java.util.Set;

/**
 * A write that was committed, as a {@link RecordListener} hears about it afterwards.
 *
 * @param formId the form
 * @param id the record
 * @param action what happened
 * @param changedFields the fields that changed (on create: those that got a value)
 * @param actor who wrote it
 */
public record RecordEvent(String formId, long id, RecordAction action, Set<String> changedFields, String actor) {

    public RecordEvent {
        changedFields = Set.copyOf(changedFields);
    }
}
