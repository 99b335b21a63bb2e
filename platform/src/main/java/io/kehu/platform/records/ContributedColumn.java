package io.kehu.platform.records;

import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.records.RecordQuery.Operator;
import java.util.Objects;
import java.util.Set;

/**
 * A column another feature (a plugin, through the SDK's {@code ListColumnContribution}) adds to the list of a form:
 * the value of a field of its own form whose reference field points at the listed record. The record store joins it
 * into the list's query ({@link ListColumns}), so it is read, filtered and sorted in the same statement as the page.
 *
 * @param formId the listed form (e.g. {@code customer})
 * @param id the column id in queries and saved views; never one of the listed form's fields
 * @param label header and filter name
 * @param sourceFormId the form the value comes from
 * @param referenceField the source form's reference to {@code formId}
 * @param valueField the source form's field shown
 * @param onlyWhere a boolean field of the source form: only rows where it is true count; or {@code null}
 * @param latestBy of several rows per record, the one with the greatest value here (then the highest id); or
 *                 {@code null}: at most one row per record counts
 * @param kind how the value is shown
 * @param decimals digits after the point of a {@link Kind#NUMBER}, or {@code null}
 * @param sortable whether lists may sort by it
 * @param operators the comparisons it may be filtered with
 * @param origin who contributes it (a plugin id), for messages and logs
 */
public record ContributedColumn(String formId, String id, LocalizedText label, String sourceFormId,
                                String referenceField, String valueField, String onlyWhere, String latestBy,
                                Kind kind, Integer decimals, boolean sortable, Set<Operator> operators,
                                String origin) {

    /** How the value is shown; each fits certain value field types (see {@link ListColumns#problems}). */
    public enum Kind { NUMBER, PERCENT, MONEY, TEXT, LEVEL }

    public ContributedColumn {
        Objects.requireNonNull(formId, "formId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sourceFormId, "sourceFormId");
        Objects.requireNonNull(referenceField, "referenceField");
        Objects.requireNonNull(valueField, "valueField");
        Objects.requireNonNull(kind, "kind");
        label = label == null ? LocalizedText.EMPTY : label;
        operators = operators == null ? Set.of() : Set.copyOf(operators);
    }

    /** Whether lists may filter by it. */
    public boolean filterable() {
        return !operators.isEmpty();
    }
}
