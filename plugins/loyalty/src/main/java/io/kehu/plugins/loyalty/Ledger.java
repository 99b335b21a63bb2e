package io.kehu.plugins.loyalty;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The append-only points ledger. Every change of a customer's points is one {@code loyalty_entry} with a unique
 * idempotency key (source + rule), written in the SAME transaction as the customer's {@code loyalty_account} row,
 * which holds the balance. Entries are never changed or deleted ({@link LedgerGuard}); a mistake is undone by a
 * {@link EntryKind#REVERSE} entry.
 *
 * <p>Why it never awards twice and the balance always equals the entries:
 * <ul>
 *   <li>The key is a unique field: a second insert of the same key is refused by the database's unique index even
 *       when two threads or two app nodes check at the same moment ({@code RecordException.Reason.DUPLICATE}), and
 *       its transaction, balance change included, is undone. The ledger then answers {@code ALREADY_POSTED}.</li>
 *   <li>The account row is changed with optimistic locking (its row version): two postings for one customer cannot
 *       both change the same balance; the loser gets {@code CONFLICT}, its entry is rolled back, and it retries with
 *       the new balance. So a redemption's balance check is made against the balance it writes: parallel
 *       redemptions cannot overdraw.</li>
 * </ul>
 *
 * <p>Available balance + pending = the sum of all entries. Pending entries ({@code available_on} after today) count
 * in {@code pending} until {@link #release} moves them.
 */
public final class Ledger {

    static final String ENTRY = "loyalty_entry";
    static final String ACCOUNT = "loyalty_account";
    /** Enough for dozens of writers on one customer; each retry re-reads the balance. */
    private static final int ATTEMPTS = 200;

    private final PluginContext context;
    private final Clock clock;

    public Ledger(PluginContext context) {
        this(context, Clock.systemDefaultZone());
    }

    public Ledger(PluginContext context, Clock clock) {
        this.context = context;
        this.clock = clock;
    }

    /** Writes {@code posting} once: a second call with the same key (from anywhere) writes nothing. */
    public PostResult post(Posting posting) {
        return post(posting, () -> true);
    }

    /**
     * {@link #post(Posting)} with more writes in the same transaction, e.g. a reward's stock: {@code alsoWrite} runs
     * after the balance check and before the entry; when it answers false nothing is written and the result is
     * {@code UNAVAILABLE}. It may run more than once (each retry is a new transaction), so it must read what it
     * changes inside itself.
     */
    public PostResult post(Posting posting, java.util.function.BooleanSupplier alsoWrite) {
        String key = posting.idempotencyKey();
        RecordException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<RecordData> existing = entryByKey(key);
            if (existing.isPresent()) {
                return new PostResult(PostResult.Status.ALREADY_POSTED, existing.get().id(),
                        balance(posting.customer()).available());
            }
            long accountId = account(posting.customer()).id();
            try {
                return context.transactions().call(() -> write(posting, key, accountId, alsoWrite));
            } catch (RecordException e) {
                if (e.reason() != RecordException.Reason.DUPLICATE
                        && e.reason() != RecordException.Reason.CONFLICT) {
                    throw e;
                }
                // DUPLICATE: someone wrote the key first (found on the next turn); CONFLICT: the balance moved on
                last = e;
                pause(attempt);
            }
        }
        throw last;
    }

    /** Undoes entry {@code entryId} in full (once: a second reversal of it is {@code ALREADY_POSTED}). */
    public PostResult reverse(long entryId, LocalDate on, String reason) {
        RecordData entry = context.records().get(ENTRY, entryId)
                .orElseThrow(() -> new IllegalArgumentException("No points entry " + entryId));
        long points = number(entry.get("points"));
        return post(new Posting(number(entry.get("customer")), EntryKind.REVERSE, -points, "entry/" + entryId,
                "reverse", on, null, null, entryId, null, reason, true));
    }

    /** The customer's balance as the account holds it (zero when they have no account yet). */
    public Balance balance(long customer) {
        return accountOf(customer).map(Ledger::balanceOf).orElse(new Balance(0, 0, 0, 0, 0));
    }

    /**
     * Moves the customer's entries that became available by {@code today} from pending to the balance. Recomputed
     * from the entries, so running it twice (or on two nodes) changes nothing the second time.
     */
    public void release(long customer) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<RecordData> account = accountOf(customer);
            if (account.isEmpty() || number(account.get().get("pending")) == 0) {
                return;
            }
            RecordData a = account.get();
            LocalDate today = LocalDate.now(clock);
            long stillPending = context.records().aggregate(ENTRY).where("customer", FilterOperator.EQUALS, customer)
                    .where("available_on", FilterOperator.GREATER, today).sum("points").list().stream()
                    .findFirst().map(r -> r.sum("points")).map(java.math.BigDecimal::longValue).orElse(0L);
            long pending = number(a.get("pending"));
            if (stillPending == pending) {
                return;
            }
            try {
                context.records().update(ACCOUNT, a.id(), a.rowVersion(), Map.of("pending", stillPending,
                        "balance", number(a.get("balance")) + pending - stillPending));
                return;
            } catch (RecordException e) {
                if (e.reason() != RecordException.Reason.CONFLICT) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private PostResult write(Posting p, String key, long accountId, java.util.function.BooleanSupplier alsoWrite) {
        RecordData account = context.records().get(ACCOUNT, accountId)
                .orElseThrow(() -> new IllegalStateException("Points account " + accountId + " vanished"));
        long balance = number(account.get("balance"));
        long pending = number(account.get("pending"));
        boolean isPending = p.availableOn() != null && p.availableOn().isAfter(LocalDate.now(clock));
        if (p.points() < 0 && !p.mayOverdraw() && balance + p.points() < 0) {
            return new PostResult(PostResult.Status.INSUFFICIENT, 0, balance);
        }
        if (!alsoWrite.getAsBoolean()) {
            return new PostResult(PostResult.Status.UNAVAILABLE, 0, balance);
        }
        long newBalance = isPending ? balance : balance + p.points();
        Map<String, Object> values = new HashMap<>();
        values.put("customer", p.customer());
        values.put("kind", p.kind().name());
        values.put("points", p.points());
        values.put("balance_after", newBalance);
        values.put("occurred_on", p.occurredOn());
        values.put("source", p.source());
        values.put("rule", p.rule());
        values.put("idem_key", key);
        putIfPresent(values, "available_on", p.availableOn());
        putIfPresent(values, "expires_on", p.expiresOn());
        putIfPresent(values, "reverses", p.reverses());
        putIfPresent(values, "summary", p.summary());
        putIfPresent(values, "reason", p.reason());
        RecordData entry = context.records().create(ENTRY, values);
        Map<String, Object> changes = new HashMap<>();
        changes.put("balance", newBalance);
        changes.put("pending", isPending ? pending + p.points() : pending);
        changes.put("entries", number(account.get("entries")) + 1);
        changes.put("last_entry_on", p.occurredOn());
        if (p.kind() == EntryKind.EARN) {
            changes.put("earned", number(account.get("earned")) + p.points());
        } else if (p.kind() == EntryKind.REDEEM) {
            changes.put("redeemed", number(account.get("redeemed")) - p.points());
        }
        context.records().update(ACCOUNT, accountId, account.rowVersion(), changes);
        return new PostResult(PostResult.Status.POSTED, entry.id(), newBalance);
    }

    private Optional<RecordData> entryByKey(String key) {
        List<RecordData> found = context.records().search(ENTRY).where("idem_key", FilterOperator.EQUALS, key)
                .limit(1).list();
        return found.stream().findFirst();
    }

    private Optional<RecordData> accountOf(long customer) {
        return context.records().search(ACCOUNT).where("customer", FilterOperator.EQUALS, customer).limit(1).list()
                .stream().findFirst();
    }

    /** The customer's account, opened on first use; two first postings at once open it once (unique customer). */
    private RecordData account(long customer) {
        Optional<RecordData> account = accountOf(customer);
        if (account.isPresent()) {
            return account.get();
        }
        try {
            return context.records().create(ACCOUNT, Map.of("customer", customer, "balance", 0L, "pending", 0L,
                    "earned", 0L, "redeemed", 0L, "entries", 0L));
        } catch (RecordException e) {
            if (e.reason() != RecordException.Reason.DUPLICATE) {
                throw e;
            }
            return accountOf(customer).orElseThrow(() -> e);
        }
    }

    static Balance balanceOf(RecordData account) {
        return new Balance(number(account.get("balance")), number(account.get("pending")),
                number(account.get("earned")), number(account.get("redeemed")), number(account.get("entries")));
    }

    static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0L;
    }

    private static void putIfPresent(Map<String, Object> values, String field, Object value) {
        if (value != null) {
            values.put(field, value);
        }
    }

    /** A short random pause so that racing writers do not collide again in lockstep. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2 + Math.min(attempt, 20) * 3L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a points entry", e);
        }
    }

    /**
     * A customer's points.
     *
     * @param available what can be spent now
     * @param pending earned but still inside the return window
     * @param earned all points earned
     * @param redeemed all points spent
     * @param entries how many entries the ledger holds for them
     */
    public record Balance(long available, long pending, long earned, long redeemed, long entries) {
    }
}
