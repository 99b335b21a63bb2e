package io.kehu.platform.records;

import io.kehu.platform.security.Actor;
import java.util.Set;

/**
 * Records created or updated by one chunk of a bulk write ({@link BulkRecords#batch}), published inside the write's
 * transaction like {@link RecordEvents.Saved}, once per chunk and set of changed fields instead of once per record
 * (a million single events would cost more than the writes).
 *
 * @param formId the form
 * @param ids the records
 * @param changedFields the fields that changed in each of them (on create: the fields that got a value)
 * @param actor who wrote them
 * @param created whether they are new
 */
public record RecordsSavedInBulk(String formId, long[] ids, Set<String> changedFields, Actor actor, boolean created) {

    public RecordsSavedInBulk {
        ids = ids.clone();
        changedFields = Set.copyOf(changedFields);
    }
}
