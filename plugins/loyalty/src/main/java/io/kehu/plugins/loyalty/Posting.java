package io.kehu.plugins.loyalty;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A ledger entry to write. {@code source} + {@code rule} is the entry's idempotency key: the same purchase seen
 * again by the same rule (a retried event, a re-import, a re-run, a second app node) maps to the same key, and the
 * ledger writes it at most once.
 *
 * @param customer the customer's record id
 * @param kind what happens
 * @param points signed: positive adds, negative takes away
 * @param source what caused it, e.g. {@code purchase/42}, {@code redemption/7}, {@code entry/13}
 * @param rule which rule of the programme, e.g. {@code base}, {@code birthday}, {@code reverse}
 * @param occurredOn the business date
 * @param availableOn pending until this date (return window); {@code null} = available at once
 * @param expiresOn when the lot expires; {@code null} = never
 * @param reverses the entry this one undoes, for {@link EntryKind#REVERSE}
 * @param summary a short description for the statement
 * @param reason why (required for adjustments)
 * @param mayOverdraw whether the balance may go below zero (reversals of spent points); a redemption never may
 */
public record Posting(long customer, EntryKind kind, long points, String source, String rule, LocalDate occurredOn,
                      LocalDate availableOn, LocalDate expiresOn, Long reverses, String summary, String reason,
                      boolean mayOverdraw) {

    public Posting {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredOn, "occurredOn");
        if (source == null || source.isBlank() || rule == null || rule.isBlank()) {
            throw new IllegalArgumentException("An entry needs a source and a rule: they make its idempotency key");
        }
        if (points == 0) {
            throw new IllegalArgumentException("An entry of 0 points says nothing");
        }
    }

    /** An award that is available at once and never expires. */
    public static Posting earn(long customer, long points, String source, String rule, LocalDate on) {
        return new Posting(customer, EntryKind.EARN, points, source, rule, on, null, null, null, null, null, false);
    }

    /** Spending {@code points} (positive) for {@code source}; refused when the balance is short. */
    public static Posting redeem(long customer, long points, String source, LocalDate on, String summary) {
        return new Posting(customer, EntryKind.REDEEM, -points, source, "redeem", on, null, null, null, summary, null,
                false);
    }

    /** The same entry, pending until {@code date}. */
    public Posting availableOn(LocalDate date) {
        return new Posting(customer, kind, points, source, rule, occurredOn, date, expiresOn, reverses, summary, reason,
                mayOverdraw);
    }

    /** The same entry, expiring on {@code date}. */
    public Posting expiresOn(LocalDate date) {
        return new Posting(customer, kind, points, source, rule, occurredOn, availableOn, date, reverses, summary,
                reason, mayOverdraw);
    }

    /** The same entry with a description for the statement. */
    public Posting summary(String text) {
        return new Posting(customer, kind, points, source, rule, occurredOn, availableOn, expiresOn, reverses, text,
                reason, mayOverdraw);
    }

    /** The key that makes this entry unique in the ledger. */
    public String idempotencyKey() {
        return source + "|" + rule;
    }
}
