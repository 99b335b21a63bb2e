package io.kehu.sdk.records;

import java.util.Map;

/**
 * The writes of one {@link BatchWrite}: queued and written in chunks inside the batch's single transaction, with the
 * same semantics as {@link PluginRecords#create} and {@link PluginRecords#update} (conversion, validation, rules,
 * permissions, guards, optimistic locking, audit, events). A refusal anywhere undoes the whole batch. Writes are
 * not visible to reads made inside the batch until their chunk is written; creates return no id.
 */
public interface RecordBatch {

    /** Queues the creation of a record. */
    void create(String formId, Map<String, ?> values);

    /** Queues a change of a record last read at {@code rowVersion}; a change that changes nothing writes nothing. */
    void update(String formId, long id, int rowVersion, Map<String, ?> changes);
}
