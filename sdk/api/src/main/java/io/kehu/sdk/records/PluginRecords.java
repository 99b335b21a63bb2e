package io.kehu.sdk.records;

import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes form records through the platform's one write path: values are converted and validated, the
 * form's rules and every record guard run, permissions are checked, the audit trail is appended and events are
 * published, in one transaction. Values are simple Java types: {@code String}, {@code Long} (integers, users,
 * references), {@code BigDecimal}, {@code Integer} (rating), {@code Boolean}, {@code LocalDate},
 * {@code OffsetDateTime}, {@code List<String>} (multiselect) and {@link MoneyValue}; text is accepted for every type.
 *
 * <pre>{@code
 * RecordData visit = context.records().create("service_visit", Map.of("customer", 42L, "note", "Checked the boiler"));
 * List<RecordData> open = context.records().search("service_visit")
 *         .where("status", FilterOperator.EQUALS, "open").sortBy("planned_on", false).limit(20).list();
 * }</pre>
 *
 * @see RecordException for every refusal
 */
public interface PluginRecords {

    /** Creates a record; absent fields get their default. */
    RecordData create(String formId, Map<String, ?> values);

    /** Changes the given fields of a record last read at {@code rowVersion} (optimistic locking). */
    RecordData update(String formId, long id, int rowVersion, Map<String, ?> changes);

    /** Soft-deletes a record (its values and history are kept). */
    void delete(String formId, long id, int rowVersion);

    /** The live record, if it exists and may be seen. */
    Optional<RecordData> get(String formId, long id);

    /**
     * The saved list views of {@code formId} the reader may use — their own and those shared with one of their
     * roles — by name; none for the plugin acting as itself ({@code records()}): use {@code recordsOfCurrentUser()}.
     */
    java.util.List<SavedViewInfo> savedViews(String formId);

    /** Starts a query over the live records of {@code formId}. */
    RecordSearch search(String formId);

    /** Starts totals (count, sum, min, max, average; grouped) over the live records of {@code formId}. */
    RecordAggregate aggregate(String formId);

    /** Starts a bulk write: many creates and updates in one all-or-nothing transaction. */
    BatchWrite batch();

    /** Shortcut for {@code batch().run(work)}. */
    default BatchResult batch(java.util.function.Consumer<RecordBatch> work) {
        return batch().run(work);
    }
}
