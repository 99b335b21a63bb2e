package io.kehu.sdk.records;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record as a plugin sees it.
 *
 * @param formId the form
 * @param id the record id
 * @param rowVersion pass it back to update or delete (optimistic locking)
 * @param values field id → value (see {@link PluginRecords} for the types); fields the reader may not see are absent
 */
public record RecordData(String formId, long id, int rowVersion, Map<String, Object> values) {

    public RecordData {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Shortcut for {@code values().get(fieldId)}. */
    public Object get(String fieldId) {
        return values.get(fieldId);
    }
}
