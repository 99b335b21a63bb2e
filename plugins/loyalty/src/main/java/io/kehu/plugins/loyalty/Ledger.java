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
    /** How many locks the customers share: enough that unrelated customers seldom wait for each other. */
    static final int STRIPES = 1024;
    /**
     * Neighbouring customer ids share a stripe in blocks of this many: a bulk slice of consecutive customers then holds
     * a few dozen stripes rather than all of them, so slices written at once by several workers do not wait for each
     * other (adjacent slices of up to {@code STRIPES * BLOCK / 2} customers share no stripe).
     */
    static final int BLOCK = 32;

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
        return post(posting, alsoWrite, Limits.NONE);
    }

    /**
     * Posts an earning cut down to the room left under the caps: {@code dailyCap} points per customer per day of
     * {@code occurredOn} and {@code customerCap} in total (0 = no cap). The room is read inside the posting's
     * transaction, after the account row and before its optimistically locked update: two purchases of one customer
     * saved at the same moment cannot both use the same room (the second update fails, is rolled back and retried
     * against the first one's points). Nothing left: {@code CAPPED}, nothing written.
     */
    public PostResult earn(Posting posting, long dailyCap, long customerCap) {
        if (posting.kind() != EntryKind.EARN || posting.points() <= 0) {
            throw new IllegalArgumentException("Only earnings are capped");
        }
        return post(posting, () -> true, new Limits(dailyCap, customerCap, false));
    }

    /**
     * Takes points back (a return) as far as the available balance goes and records the rest as owed: it is taken
     * from the customer's next earnings, each of which then writes a {@code recover} reversal in its own transaction.
     * The entry is written even when nothing is available (0 points, the whole amount owed), so a retried return
     * cannot make the customer owe twice.
     */
    public PostResult takeBackRecovering(Posting posting) {
        if (posting.points() >= 0) {
            throw new IllegalArgumentException("Only a taking back can be recovered later");
        }
        return post(posting, () -> true, new Limits(0, 0, true));
    }

    private PostResult post(Posting posting, java.util.function.BooleanSupplier alsoWrite, Limits limits) {
        String key = posting.idempotencyKey();
        RecordException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<RecordData> existing = entryByKey(key);
            if (existing.isPresent()) {
                return new PostResult(PostResult.Status.ALREADY_POSTED, existing.get().id(),
                        balance(posting.customer()).available());
            }
            try {
                return context.transactions().call(() -> write(posting, key, alsoWrite, limits));
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
        return accountOf(customer).map(Ledger::balanceOf).orElse(new Balance(0, 0, 0, 0, 0, 0));
    }

    /**
     * Moves the customer's entries that became available by {@code today} from pending to the balance. Recomputed
     * from the entries, so running it twice (or on two nodes) changes nothing the second time.
     */
    public void release(long customer) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                context.transactions().run(() -> releaseLocked(customer));
                return;
            } catch (RecordException e) {
                if (e.reason() != RecordException.Reason.CONFLICT) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private void releaseLocked(long customer) {
        lock(customer);
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
        if (stillPending != pending) {
            context.records().update(ACCOUNT, a.id(), a.rowVersion(), Map.of("pending", stillPending,
                    "balance", number(a.get("balance")) + pending - stillPending));
        }
    }

    private PostResult write(Posting p, String key, java.util.function.BooleanSupplier alsoWrite, Limits limits) {
        // One writer per customer at a time (all nodes): a second posting for the customer waits here until the
        // first commits, then sees its entry and balance. Inside a caller's transaction (a purchase listener runs
        // in one) a lost optimistic race or a taken key would make that whole transaction rollback-only, so races
        // are avoided rather than retried; the row version stays as the guard against writers that skip the lock.
        lock(p.customer());
        Optional<RecordData> posted = entryByKey(key);
        if (posted.isPresent()) {
            return new PostResult(PostResult.Status.ALREADY_POSTED, posted.get().id(),
                    balance(p.customer()).available());
        }
        RecordData account = account(p.customer());
        long accountId = account.id();
        long balance = number(account.get("balance"));
        long pending = number(account.get("pending"));
        long owed = number(account.get("owed"));
        boolean isPending = p.availableOn() != null && p.availableOn().isAfter(LocalDate.now(clock));
        if (p.points() < 0 && !p.mayOverdraw() && balance + p.points() < 0) {
            return new PostResult(PostResult.Status.INSUFFICIENT, 0, balance);
        }
        long points = p.points();
        long deferred = 0;
        if (limits.recover() && !isPending) {
            // what is available now is taken; the rest is owed and taken from the next earnings (a pending
            // reversal nets against the pending points it undoes, so nothing is owed)
            long taken = Math.min(-points, Math.max(0, balance));
            deferred = -points - taken;
            points = -taken;
        }
        if (limits.capped()) {
            points = Math.min(points, room(p, account, limits));
            if (points <= 0) {
                return new PostResult(PostResult.Status.CAPPED, 0, balance);
            }
        }
        if (!alsoWrite.getAsBoolean()) {
            return new PostResult(PostResult.Status.UNAVAILABLE, 0, balance);
        }
        long newBalance = isPending ? balance : balance + points;
        Map<String, Object> values = new HashMap<>();
        values.put("customer", p.customer());
        values.put("kind", p.kind().name());
        values.put("points", points);
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
        if (deferred > 0) {
            values.put("owed", deferred);
        }
        RecordData entry = context.records().create(ENTRY, values);
        long newPending = isPending ? pending + points : pending;
        long entries = number(account.get("entries")) + 1;
        if (p.kind() == EntryKind.EARN && owed > 0) {
            // an earlier return took more than was left: these points pay it back first, in this transaction
            long recovered = Math.min(owed, points);
            Map<String, Object> recovery = new HashMap<>(values);
            recovery.remove("expires_on");
            recovery.remove("summary");
            recovery.put("kind", EntryKind.REVERSE.name());
            recovery.put("points", -recovered);
            recovery.put("rule", "recover");
            recovery.put("idem_key", key + "|recover");
            recovery.put("reverses", entry.id());
            if (isPending) {
                newPending -= recovered;
            } else {
                newBalance -= recovered;
            }
            recovery.put("balance_after", newBalance);
            context.records().create(ENTRY, recovery);
            owed -= recovered;
            entries++;
        }
        Map<String, Object> changes = new HashMap<>();
        changes.put("balance", newBalance);
        changes.put("pending", newPending);
        changes.put("owed", owed + deferred);
        changes.put("entries", entries);
        changes.put("last_entry_on", p.occurredOn());
        if (p.kind() == EntryKind.EARN) {
            changes.put("earned", number(account.get("earned")) + points);
        } else if (p.kind() == EntryKind.REDEEM) {
            changes.put("redeemed", number(account.get("redeemed")) - points);
        }
        context.records().update(ACCOUNT, accountId, account.rowVersion(), changes);
        return new PostResult(PostResult.Status.POSTED, entry.id(), newBalance);
    }

    /**
     * The points {@code p} may still earn under the caps. Read after the account row this transaction will update
     * with its row version: a concurrent earning that committed in between makes that update fail, so the room is
     * never used twice.
     */
    private long room(Posting p, RecordData account, Limits limits) {
        long room = Long.MAX_VALUE;
        if (limits.customerCap() > 0) {
            room = Math.max(0, limits.customerCap() - number(account.get("earned")));
        }
        if (limits.dailyCap() > 0) {
            long today = context.records().aggregate(ENTRY).where("customer", FilterOperator.EQUALS, p.customer())
                    .where("kind", FilterOperator.EQUALS, EntryKind.EARN.name())
                    .where("occurred_on", FilterOperator.EQUALS, p.occurredOn()).sum("points").list().stream()
                    .findFirst().map(r -> r.sum("points")).map(java.math.BigDecimal::longValue).orElse(0L);
            room = Math.min(room, Math.max(0, limits.dailyCap() - today));
        }
        return room;
    }

    /** Caps on an earning, or recovery of a shortfall; {@link #NONE} for a plain posting. */
    private record Limits(long dailyCap, long customerCap, boolean recover) {
        static final Limits NONE = new Limits(0, 0, false);

        boolean capped() {
            return dailyCap > 0 || customerCap > 0;
        }
    }

    /**
     * Takes the customer's ledger lock, held until the current transaction ends (call inside one). Customers share
     * {@link #STRIPES} lock names (by blocks of neighbouring ids), so the platform keeps at most 1,024 lock rows
     * rather than one per customer; a name's row is created on its first use inside this same transaction (no extra
     * pooled connection), so nothing needs to be prepared when the plugin starts.
     */
    void lock(long customer) {
        context.locks().exclusively(stripe(customer), () -> null);
    }

    /**
     * Takes the ledger locks of every customer {@code lo}..{@code hi} (inside a transaction, held until it ends), in
     * ascending stripe order: a bulk writer holds several, and two bulk writers taking them in the same order can
     * never wait for each other in a circle; a single posting takes one, so it only ever waits.
     */
    void lockRange(long lo, long hi) {
        java.util.TreeSet<Integer> stripes = new java.util.TreeSet<>();
        for (long b = Math.floorDiv(lo, BLOCK); b <= Math.floorDiv(hi, BLOCK) && stripes.size() < STRIPES; b++) {
            stripes.add(Math.floorMod(b, STRIPES));
        }
        stripes.forEach(s -> context.locks().exclusively("loyalty-ledger-" + s, () -> null));
    }

    /** The lock number of a customer: its block of {@link #BLOCK} neighbouring ids, modulo {@link #STRIPES}. */
    static int stripeOf(long customer) {
        return Math.floorMod(Math.floorDiv(customer, BLOCK), STRIPES);
    }

    private static String stripe(long customer) {
        return "loyalty-ledger-" + stripeOf(customer);
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

    /**
     * The customer's account, opened on first use. Called under the customer's lock, so two first postings at once
     * open it once (and the unique customer field would refuse a second one anyway).
     */
    private RecordData account(long customer) {
        return accountOf(customer).orElseGet(() -> context.records().create(ACCOUNT, Map.of("customer", customer,
                "balance", 0L, "pending", 0L, "earned", 0L, "redeemed", 0L, "entries", 0L, "owed", 0L)));
    }

    static Balance balanceOf(RecordData account) {
        return new Balance(number(account.get("balance")), number(account.get("pending")),
                number(account.get("earned")), number(account.get("redeemed")), number(account.get("entries")),
                number(account.get("owed")));
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
     * @param owed points a return took back beyond the balance, to be recovered from the next earnings
     */
    public record Balance(long available, long pending, long earned, long redeemed, long entries, long owed) {
    }
}
