package io.kehu.platform.records;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a list view, an export or a plugin asks for: filters on any field, a sort (the record id is always added as
 * the last key so the order is total), a page by offset/limit or by keyset ({@link #after(Record)}: faster on deep
 * pages and stable while rows are added), a quick search over the form's searchable fields, and, for admins, deleted
 * records too. Immutable: every {@code with...} method returns a new query.
 *
 * @param formId the form
 * @param filters all must hold
 * @param sorts sort keys, first one first; field ids or system columns such as {@code updated_at}
 * @param search quick-search text, or {@code null}
 * @param offset rows to skip; usually 0 when paging by keyset
 * @param limit at most this many rows, 1 to {@value #MAX_LIMIT}
 * @param after the keyset position to continue after, or {@code null}
 * @param includeDeleted whether deleted records are included (ADMIN only)
 * @param listColumns contributed list columns ({@link ContributedColumn}) whose values the records should carry
 *                    (filters and sorts may name them either way); ones not contributed now, or that the actor may
 *                    not read, are left out
 */
public record RecordQuery(String formId, List<Filter> filters, List<Sort> sorts, String search, int offset,
                          int limit, Keyset after, boolean includeDeleted, List<String> listColumns) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    public RecordQuery {
        Objects.requireNonNull(formId, "formId");
        filters = List.copyOf(filters);
        sorts = List.copyOf(sorts);
        listColumns = listColumns == null ? List.of() : List.copyOf(listColumns);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ": " + limit);
        }
        if (after != null && after.sortValues().size() != sorts.size()) {
            throw new IllegalArgumentException("the keyset has " + after.sortValues().size() + " values for "
                    + sorts.size() + " sort keys");
        }
    }

    /** All live records of {@code formId}, by id, first {@value #DEFAULT_LIMIT}. */
    public static RecordQuery of(String formId) {
        return new RecordQuery(formId, List.of(), List.of(), null, 0, DEFAULT_LIMIT, null, false, List.of());
    }

    public RecordQuery where(Filter filter) {
        List<Filter> more = new ArrayList<>(filters);
        more.add(filter);
        return new RecordQuery(formId, more, sorts, search, offset, limit, after, includeDeleted, listColumns);
    }

    /** Replaces the sort keys (and drops a keyset position made for the old ones). */
    public RecordQuery sortBy(Sort... keys) {
        return new RecordQuery(formId, filters, Arrays.asList(keys), search, offset, limit, null, includeDeleted, listColumns);
    }

    public RecordQuery search(String text) {
        return new RecordQuery(formId, filters, sorts, text, offset, limit, after, includeDeleted, listColumns);
    }

    public RecordQuery page(int newOffset, int newLimit) {
        return new RecordQuery(formId, filters, sorts, search, newOffset, newLimit, after, includeDeleted, listColumns);
    }

    public RecordQuery limit(int newLimit) {
        return new RecordQuery(formId, filters, sorts, search, offset, newLimit, after, includeDeleted, listColumns);
    }

    /** Continues after {@code last} (the last record of the previous page) in this query's sort order. */
    public RecordQuery after(Record last) {
        return after(new Keyset(sorts.stream().map(s -> last.sortValue(s.column())).toList(), last.id()));
    }

    public RecordQuery after(Keyset position) {
        return new RecordQuery(formId, filters, sorts, search, 0, limit, position, includeDeleted, listColumns);
    }

    /** Also reads the values of these contributed list columns (e.g. the ones a list shows). */
    public RecordQuery withListColumns(java.util.Collection<String> columns) {
        return new RecordQuery(formId, filters, sorts, search, offset, limit, after, includeDeleted,
                List.copyOf(columns));
    }

    public RecordQuery includeDeleted(boolean include) {
        return new RecordQuery(formId, filters, sorts, search, offset, limit, after, include, listColumns);
    }

    /**
     * One condition on a field (or system column).
     *
     * @param column the field id or system column
     * @param operator the comparison
     * @param values its operands: none for is-empty, two for between, any number for in/contains-any, else one;
     *               typed values or strings, converted like saved values
     */
    public record Filter(String column, Operator operator, List<Object> values) {

        public Filter {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(operator, "operator");
            values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
        }

        public static Filter of(String column, Operator operator, Object... values) {
            return new Filter(column, operator, Arrays.asList(values));
        }
    }

    /** The comparisons a filter can make. */
    public enum Operator {
        EQUALS,
        NOT_EQUALS,
        /** Case-insensitive substring (text-like fields; other types compare their text form). */
        CONTAINS,
        /** Case-insensitive prefix. */
        STARTS_WITH,
        GREATER,
        GREATER_OR_EQUAL,
        LESS,
        LESS_OR_EQUAL,
        /** Inclusive range: two values. */
        BETWEEN,
        /** Equals one of the values (e.g. select options). */
        IN,
        IS_EMPTY,
        IS_NOT_EMPTY,
        /** A multiselect holding at least one of the values. */
        CONTAINS_ANY
    }

    /**
     * One sort key.
     *
     * @param column a field id or system column
     * @param descending whether larger values come first; empty values always count as the largest
     */
    public record Sort(String column, boolean descending) {

        public static Sort asc(String column) {
            return new Sort(column, false);
        }

        public static Sort desc(String column) {
            return new Sort(column, true);
        }
    }

    /**
     * A position in a sorted list: the sort values of the last row seen and its id.
     *
     * @param sortValues one value per sort key (nulls allowed)
     * @param id the last row's id
     */
    public record Keyset(List<Object> sortValues, long id) {

        public Keyset {
            sortValues = java.util.Collections.unmodifiableList(new ArrayList<>(sortValues));
        }
    }
}
