package io.kehu.sdk.records;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A write about to happen, as a {@link RecordListener} sees it before it is stored.
 *
 * @param formId the form
 * @param action create, update, delete or restore
 * @param id the record id, {@code null} on create
 * @param values the complete values after the write
 * @param oldValues the values before the write, empty on create
 * @param actor who writes: a user name, or {@code plugin:<id>} / a job name for the platform itself
 */
public record RecordChange(String formId, RecordAction action, Long id, Map<String, Object> values,
                           Map<String, Object> oldValues, String actor) {

    public RecordChange {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        oldValues = Collections.unmodifiableMap(new LinkedHashMap<>(oldValues));
    }
}
