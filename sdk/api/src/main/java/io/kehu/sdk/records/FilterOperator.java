package io.kehu.sdk.records;

/** The comparisons a {@link RecordSearch} filter can make (the same as the list views offer). */
public enum FilterOperator {
    EQUALS, NOT_EQUALS,
    /** Case-insensitive substring. */
    CONTAINS,
    /** Case-insensitive prefix. */
    STARTS_WITH,
    GREATER, GREATER_OR_EQUAL, LESS, LESS_OR_EQUAL,
    /** Inclusive range: two values. */
    BETWEEN,
    /** Equals one of the values. */
    IN,
    IS_EMPTY, IS_NOT_EMPTY,
    /** A multiselect holding at least one of the values. */
    CONTAINS_ANY
}
