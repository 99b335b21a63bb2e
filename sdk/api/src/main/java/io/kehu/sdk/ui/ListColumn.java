package io.kehu.sdk.ui;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.records.FilterOperator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One column a plugin adds to another form's list ({@link ListColumnContribution}): where it is shown, what it is
 * called, where its value comes from and how it may be filtered and sorted. Build it with
 * {@link #builder(String, String, LocalText)}.
 *
 * @param targetFormId the form whose list gets the column, e.g. {@code customer}
 * @param columnId the column's id in queries, saved views and list links: {@code [a-z][a-z0-9_]*}, unique on the
 *                 target form (prefix it with the plugin's name, e.g. {@code churn_risk}); a field of the target form
 *                 with the same id makes the plugin FAILED
 * @param label the column header and filter name
 * @param sourceFormId the plugin's form the value is read from
 * @param referenceFieldId the source form's reference field pointing at the target form's records
 * @param valueFieldId the source form's field shown
 * @param onlyWhereFieldId a boolean field of the source form: only rows where it is true count (e.g. "the current
 *                         score"), or {@code null}
 * @param latestByFieldId when a record has several source rows: the one with the greatest value of this field (a
 *                        date, a number, or a system column such as {@code created_at}; ties: the newest row) — or
 *                        {@code null} when there is at most one row per record (a unique reference)
 * @param kind how the value is shown and filtered; must fit the value field's type
 * @param decimals digits after the point for {@link Kind#NUMBER}, or {@code null} for the field's own
 * @param sortable whether the list may be sorted by the column
 * @param filterOperators the comparisons the column may be filtered with (empty: not filterable)
 */
public record ListColumn(String targetFormId, String columnId, LocalText label, String sourceFormId,
                         String referenceFieldId, String valueFieldId, String onlyWhereFieldId,
                         String latestByFieldId, Kind kind, Integer decimals, boolean sortable,
                         Set<FilterOperator> filterOperators) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    /** How a column's value is shown, and which value field types fit it. */
    public enum Kind {
        /** An integer or decimal field, formatted with grouping (e.g. 12,800). */
        NUMBER,
        /** A percent field, shown as e.g. 85%. */
        PERCENT,
        /** A money field, shown with its currency (e.g. ¥1,280.00); filtered and sorted by amount. */
        MONEY,
        /** A text field. */
        TEXT,
        /** A select field: its option's label in the user's language (e.g. 高风险), filtered by "is one of". */
        LEVEL
    }

    public ListColumn {
        Objects.requireNonNull(targetFormId, "targetFormId");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(sourceFormId, "sourceFormId");
        Objects.requireNonNull(referenceFieldId, "referenceFieldId");
        Objects.requireNonNull(valueFieldId, "valueFieldId");
        Objects.requireNonNull(kind, "kind");
        if (columnId == null || !ID.matcher(columnId).matches()) {
            throw new IllegalArgumentException("A list column id is [a-z][a-z0-9_]*, at most 63 characters: "
                    + columnId);
        }
        filterOperators = filterOperators == null || filterOperators.isEmpty() ? Set.of()
                : Set.copyOf(filterOperators);
    }

    /** The comparisons that fit a kind: what {@link Builder} uses unless told otherwise. */
    public static Set<FilterOperator> defaultOperators(Kind kind) {
        return switch (kind) {
            case NUMBER, PERCENT, MONEY -> EnumSet.of(FilterOperator.EQUALS, FilterOperator.NOT_EQUALS,
                    FilterOperator.GREATER, FilterOperator.GREATER_OR_EQUAL, FilterOperator.LESS,
                    FilterOperator.LESS_OR_EQUAL, FilterOperator.BETWEEN, FilterOperator.IS_EMPTY,
                    FilterOperator.IS_NOT_EMPTY);
            case TEXT -> EnumSet.of(FilterOperator.EQUALS, FilterOperator.CONTAINS, FilterOperator.STARTS_WITH,
                    FilterOperator.IS_EMPTY, FilterOperator.IS_NOT_EMPTY);
            case LEVEL -> EnumSet.of(FilterOperator.EQUALS, FilterOperator.NOT_EQUALS, FilterOperator.IN,
                    FilterOperator.IS_EMPTY, FilterOperator.IS_NOT_EMPTY);
        };
    }

    /** A column {@code columnId} on the list of {@code targetFormId}; say where its value comes from with {@code from}. */
    public static Builder builder(String targetFormId, String columnId, LocalText label) {
        return new Builder(targetFormId, columnId, label);
    }

    /** Builds a {@link ListColumn}. */
    public static final class Builder {

        private final String targetFormId;
        private final String columnId;
        private final LocalText label;
        private String sourceFormId;
        private String referenceFieldId;
        private String valueFieldId;
        private String onlyWhere;
        private String latestBy;
        private Kind kind = Kind.NUMBER;
        private Integer decimals;
        private boolean sortable = true;
        private Set<FilterOperator> operators;

        private Builder(String targetFormId, String columnId, LocalText label) {
            this.targetFormId = targetFormId;
            this.columnId = columnId;
            this.label = label;
        }

        /** The value is field {@code valueFieldId} of the plugin's form {@code sourceFormId}, whose
         *  {@code referenceFieldId} names the listed record. */
        public Builder from(String sourceFormId, String referenceFieldId, String valueFieldId) {
            this.sourceFormId = sourceFormId;
            this.referenceFieldId = referenceFieldId;
            this.valueFieldId = valueFieldId;
            return this;
        }

        /** Only source rows whose boolean field {@code fieldId} is true count. */
        public Builder onlyWhere(String fieldId) {
            this.onlyWhere = fieldId;
            return this;
        }

        /** Of several source rows per record, the one with the greatest {@code fieldId} (then the newest). */
        public Builder latestBy(String fieldId) {
            this.latestBy = fieldId;
            return this;
        }

        public Builder kind(Kind kind) {
            this.kind = kind;
            return this;
        }

        /** Digits after the point of a {@link Kind#NUMBER}. */
        public Builder decimals(int decimals) {
            this.decimals = decimals;
            return this;
        }

        public Builder sortable(boolean sortable) {
            this.sortable = sortable;
            return this;
        }

        /** The comparisons offered; none: the column is shown but not filterable. */
        public Builder filterOperators(FilterOperator... operators) {
            this.operators = operators.length == 0 ? Set.of() : EnumSet.copyOf(List.of(operators));
            return this;
        }

        public ListColumn build() {
            return new ListColumn(targetFormId, columnId, label, sourceFormId, referenceFieldId, valueFieldId,
                    onlyWhere, latestBy, kind, decimals, sortable,
                    operators == null ? defaultOperators(kind) : operators);
        }
    }
}
