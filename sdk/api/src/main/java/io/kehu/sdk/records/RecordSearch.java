package io.kehu.sdk.records;

import java.util.List;

/**
 * A query over a form's records, built step by step and run by {@link #list()}. Filters all must hold; the record id
 * is always the last sort key so pages are stable.
 */
public interface RecordSearch {

    /** Adds a filter on a field (or a system column such as {@code updated_at}). */
    RecordSearch where(String fieldId, FilterOperator operator, Object... values);

    /** Adds a sort key. */
    RecordSearch sortBy(String fieldId, boolean descending);

    /** Quick search over the form's searchable fields. */
    RecordSearch text(String search);

    /** At most this many records (1 to 1000, default 50). */
    RecordSearch limit(int limit);

    /** Skips this many records. */
    RecordSearch offset(int offset);

    /** Runs the query. */
    List<RecordData> list();
}
