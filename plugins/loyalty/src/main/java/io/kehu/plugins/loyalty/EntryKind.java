package io.kehu.plugins.loyalty;

/** What a ledger entry records; stored as the option value of {@code loyalty_entry.kind}. */
public enum EntryKind {
    /** Points awarded (a purchase, a bonus, a referral). */
    EARN,
    /** Points spent on a reward or as money. */
    REDEEM,
    /** Points of a lot that reached its expiry date. */
    EXPIRE,
    /** A manual correction by a manager, with a reason. */
    ADJUST,
    /** The undoing of an earlier entry (in full or in part, e.g. a return). */
    REVERSE
}
