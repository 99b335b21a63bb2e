package io.kehu.platform.records;

/**
 * How many records a list shows, as far as it can be known cheaply: exact up to a bound, beyond it either the
 * database's estimate of the whole table (nothing filtered) or "more than the bound" (filtered). Lists show
 * "共 N 条", "约 N 条" or "N 条以上" from it.
 *
 * @param value the count, the estimate or the bound
 * @param kind which of the three {@code value} is
 */
public record ListedCount(long value, Kind kind) {

    /** What {@link #value} means. */
    public enum Kind {
        /** Exactly this many. */
        EXACT,
        /** About this many, from the database's statistics. */
        ESTIMATE,
        /** More than this many; counting further would mean reading them all. */
        MORE_THAN
    }

    public static ListedCount exact(long value) {
        return new ListedCount(value, Kind.EXACT);
    }
}
