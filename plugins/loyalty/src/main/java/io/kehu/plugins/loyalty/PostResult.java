package io.kehu.plugins.loyalty;

/**
 * What {@link Ledger#post} did.
 *
 * @param status written, found already written, or refused for lack of points
 * @param entryId the entry (new or the earlier one); 0 when refused
 * @param balance the customer's available balance afterwards (for {@code ALREADY_POSTED}: as now)
 */
public record PostResult(Status status, long entryId, long balance) {

    /** The outcomes of a posting. */
    public enum Status {
        /** Written now, with the balance, in one transaction. */
        POSTED,
        /** The idempotency key was already in the ledger: nothing written (a retry, a re-run, a second node). */
        ALREADY_POSTED,
        /** Taking the points would make the balance negative: nothing written. */
        INSUFFICIENT,
        /** What the points were for is not available (a reward out of stock or withdrawn): nothing written. */
        UNAVAILABLE,
        /** The daily or per-customer cap was reached: nothing written. */
        CAPPED
    }

    public boolean posted() {
        return status == Status.POSTED;
    }
}
