package io.kehu.sdk.records;

import java.util.List;
import java.util.function.Consumer;

/**
 * A query over a form's records, built step by step and run by {@link #list()} (one page) or {@link #forEach}
 * (all of them). Filters all must hold; the record id
 * is always the last sort key so pages are stable.
 */
public interface RecordSearch {

    /**
     * Adds the filters and quick search of a saved list view the reader may use ({@link
     * PluginRecords#savedViews(String)}), so a plugin works on exactly the records a user's view lists, e.g. a survey
     * campaign to "华东重点客户". Its columns and sort do not apply.
     *
     * @throws RecordException ({@code NOT_FOUND}) when there is no such view of this form for the reader
     */
    RecordSearch savedView(long viewId);

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

    /**
     * Reads only these fields (the id and row version always come along): less to fetch when streaming many
     * records. By default every field the reader may see.
     */
    RecordSearch fields(String... fieldIds);

    /** Runs the query: one page ({@link #limit}, {@link #offset}). */
    List<RecordData> list();

    /**
     * Streams EVERY matching record to {@code each}, in id order, page by page under the hood (keyset paging), so
     * a million customers never sit in memory at once. Sorts, limit and offset do not apply.
     */
    void forEach(Consumer<RecordData> each);

    /**
     * Streams every matching record to {@code each} read in ONE statement, in no particular order, the result held at
     * once: for a bounded part of a large form whose rows lie all over the table — the purchases of a slice of
     * customers. {@link #forEach}'s pages are ordered by id, and for such a filter the database may walk the whole
     * table in id order to fill each page. Not for a whole form (use {@link #forEach}). Sorts, limit and offset do
     * not apply.
     */
    default void forEachAtOnce(Consumer<RecordData> each) {
        forEach(each);
    }
}
