package io.kehu.plugins.loyalty;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.MoneyValue;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import io.kehu.sdk.scripts.PluginScripts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Awards points for many purchases at once (an import of last year's sales, a first start of the programme, a catch-up
 * after an outage) with the same arithmetic as the listener ({@link Earning}) and the same idempotency keys, but with
 * the SDK's bulk writes: per slice of customers one read of their purchases, entries, accounts and referrals, then one
 * {@code batch()} creating the entries and updating the accounts. A slice is read and written in one transaction
 * holding the ledger locks of its customers (taken first, in ascending stripe order, {@link Ledger#lockRange}), the
 * same locks a single award takes: a purchase saved while the slice is written waits in its listener until the slice
 * commits, then finds its entry written by the slice (ALREADY_POSTED) or, saved after the slice read the purchases,
 * awards it itself — exactly once either way, with no lost optimistic race. A purchase already in the ledger
 * (listener, earlier run) is skipped by its key, so a re-run awards nothing twice; the unique index and the account's
 * row version stay as the guard against writers that skip the lock (the slice is then rolled back and read again).
 * The locks are held for one slice at a time, so live awards of those customers wait at most one slice's write.
 * Referral bonuses go to referrers outside the slice through the ledger one by one (few).
 */
public final class BulkAwards {

    private static final int ATTEMPTS = 20;

    private final PluginContext context;
    private final Ledger ledger;

    public BulkAwards(PluginContext context, Ledger ledger) {
        this.context = context;
        this.ledger = ledger;
    }

    /**
     * Awards every purchase of customers {@code firstCustomer}..{@code lastCustomer}, {@code slice} customers per
     * transaction.
     *
     * @param progress told the last customer id done after each slice
     */
    public Result run(long firstCustomer, long lastCustomer, int slice, LongConsumer progress) {
        return run(firstCustomer, lastCustomer, slice, 1, progress);
    }

    /**
     * As {@link #run(long, long, int, LongConsumer)} with {@code workers} threads each writing its own slices at the
     * same time (a slice is still one transaction holding its customers' locks; with several workers a slice is
     * rounded up to whole lock blocks of {@link Ledger#BLOCK} ids, so slices written at once never share a lock
     * stripe and never wait for each other). More than one worker lets the plugin's
     * arithmetic and the database's writes use two cores at once. The first failure stops the others and is
     * rethrown; the slices already committed stay (a re-run skips them by their keys).
     *
     * @param progress told the last customer id of each slice done (in the order they finish)
     */
    public Result run(long firstCustomer, long lastCustomer, int slice, int workers, LongConsumer progress) {
        Programme programme = new Awards(context, ledger).programme();
        PluginScripts.Script rule = programme.earningRule().isBlank() ? null
                : context.scripts().compile(Awards.PURCHASE, programme.earningRule());
        if (workers <= 1) {
            Result total = new Result(0, 0, 0);
            for (long lo = firstCustomer; lo <= lastCustomer; lo += slice) {
                long hi = Math.min(lastCustomer, lo + slice - 1);
                total = total.plus(slice(programme, rule, lo, hi));
                progress.accept(hi);
            }
            return total;
        }
        // slices start on a lock block's first id and span whole blocks, so two slices never share a stripe (a slice
        // ending mid-block would share that block's stripe with its neighbour, and the two workers would take turns)
        long step = Math.ceilDiv(Math.max(1, slice), Ledger.BLOCK) * (long) Ledger.BLOCK;
        java.util.concurrent.atomic.AtomicLong next = new java.util.concurrent.atomic.AtomicLong(
                Math.floorDiv(firstCustomer, Ledger.BLOCK) * Ledger.BLOCK);
        java.util.concurrent.atomic.AtomicReference<Result> total =
                new java.util.concurrent.atomic.AtomicReference<>(new Result(0, 0, 0));
        java.util.concurrent.atomic.AtomicReference<RuntimeException> failure =
                new java.util.concurrent.atomic.AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            threads.add(Thread.ofPlatform().name("loyalty-bulk-" + w).start(() -> {
                while (failure.get() == null) {
                    long start = next.getAndAdd(step);
                    if (start > lastCustomer) {
                        return;
                    }
                    long lo = Math.max(firstCustomer, start);
                    long hi = Math.min(lastCustomer, start + step - 1);
                    try {
                        Result done = slice(programme, rule, lo, hi);
                        total.accumulateAndGet(done, Result::plus);
                        synchronized (progress) {
                            progress.accept(hi);
                        }
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }));
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, new IllegalStateException("Interrupted while awarding points", e));
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return total.get();
    }

    private Result slice(Programme programme, PluginScripts.Script rule, long lo, long hi) {
        RecordException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return write(programme, rule, lo, hi);
            } catch (RecordException e) {
                if (e.reason() != RecordException.Reason.DUPLICATE && e.reason() != RecordException.Reason.CONFLICT) {
                    throw e;
                }
                last = e; // the listener wrote some of these at the same moment: read the slice again
            }
        }
        throw last;
    }

    /** Test hook: runs inside a slice's transaction after its reads, before its writes. */
    Runnable beforeWrite = () -> { };

    private Result write(Programme programme, PluginScripts.Script rule, long lo, long hi) {
        List<Posting> referrals = new ArrayList<>();
        Result result = context.transactions().call(() -> {
            ledger.lockRange(lo, hi);
            return writeLocked(programme, rule, lo, hi, referrals);
        });
        referrals.forEach(ledger::post);
        return result;
    }

    private Result writeLocked(Programme programme, PluginScripts.Script rule, long lo, long hi,
                               List<Posting> referrals) {
        Map<Long, List<RecordData>> purchases = new HashMap<>();
        String[] fields = rule == null ? new String[] {"customer", "purchased_on", "amount"} : new String[0];
        context.records().search(Awards.PURCHASE).where("customer", FilterOperator.BETWEEN, lo, hi).fields(fields)
                .forEachAtOnce(p -> purchases.computeIfAbsent(Ledger.number(p.get("customer")), k -> new ArrayList<>())
                        .add(p));
        if (purchases.isEmpty()) {
            return new Result(0, 0, 0);
        }
        Set<String> keys = new HashSet<>();
        Map<String, Long> earnedOnDay = new HashMap<>();
        context.records().search(Ledger.ENTRY).where("customer", FilterOperator.BETWEEN, lo, hi)
                .fields("customer", "idem_key", "kind", "points", "occurred_on").forEachAtOnce(e -> {
                    keys.add((String) e.get("idem_key"));
                    if (EntryKind.EARN.name().equals(e.get("kind"))) {
                        earnedOnDay.merge(e.get("customer") + "/" + e.get("occurred_on"),
                                Ledger.number(e.get("points")), Long::sum);
                    }
                });
        Map<Long, RecordData> accounts = new HashMap<>();
        context.records().search(Ledger.ACCOUNT).where("customer", FilterOperator.BETWEEN, lo, hi)
                .forEachAtOnce(a -> accounts.put(Ledger.number(a.get("customer")), a));
        Map<Long, RecordData> customers = new HashMap<>();
        context.records().search(Awards.CUSTOMER).where("id", FilterOperator.BETWEEN, lo, hi)
                .fields("level", "birthday").forEach(c -> customers.put(c.id(), c));
        Map<Long, Long> referrers = new HashMap<>();
        context.records().search(Awards.REFERRAL).where("referred", FilterOperator.BETWEEN, lo, hi)
                .fields("referrer", "referred").forEachAtOnce(r -> referrers.put(Ledger.number(r.get("referred")),
                        Ledger.number(r.get("referrer"))));

        LocalDate today = LocalDate.now();
        List<Map<String, Object>> entries = new ArrayList<>();
        Map<Long, Account> changed = new HashMap<>();
        long awarded = 0;
        for (Map.Entry<Long, List<RecordData>> byCustomer : purchases.entrySet()) {
            long customer = byCustomer.getKey();
            List<RecordData> list = byCustomer.getValue();
            list.sort(Comparator.comparing((RecordData p) -> (LocalDate) p.get("purchased_on"))
                    .thenComparingLong(RecordData::id));
            RecordData c = customers.get(customer);
            RecordData account = accounts.get(customer);
            Account a = new Account(account);
            String level = c == null ? null : (String) c.get("level");
            if (!programme.levels().isEmpty()) {
                level = account == null ? null : (String) account.get("level");
            }
            for (RecordData p : list) {
                LocalDate on = (LocalDate) p.get("purchased_on");
                BigDecimal amount = p.get("amount") instanceof MoneyValue m ? m.amount() : BigDecimal.ZERO;
                BigDecimal ruleBase = null;
                if (rule != null) {
                    Object value = rule.evaluate(p.values());
                    ruleBase = value instanceof Number n ? new BigDecimal(n.toString()) : BigDecimal.ZERO;
                }
                String dayKey = customer + "/" + on;
                Earning.Purchase facts = new Earning.Purchase(p.id(), customer, amount, on, level,
                        c == null ? null : (LocalDate) c.get("birthday"), p == list.getFirst(),
                        earnedOnDay.getOrDefault(dayKey, 0L), a.earned, referrers.get(customer), ruleBase);
                for (Posting posting : Earning.postings(programme, facts)) {
                    if (keys.contains(posting.idempotencyKey())) {
                        continue;
                    }
                    if (posting.customer() != customer) {
                        referrals.add(posting);
                        continue;
                    }
                    entries.addAll(a.post(posting, today));
                    earnedOnDay.merge(dayKey, posting.points(), Long::sum);
                    awarded += posting.points();
                }
            }
            if (a.entries > 0 && a.entries != (account == null ? 0 : Ledger.number(account.get("entries")))) {
                changed.put(customer, a);
            }
        }
        beforeWrite.run();
        if (!entries.isEmpty()) {
            // the keys were read above under the slice's locks: the unique index alone guards against a writer
            // that skips the locks (the slice then fails as DUPLICATE, is rolled back and read again)
            context.records().batch().uniqueByIndex().run(b -> {
                changed.forEach((customer, a) -> {
                    if (a.id == 0) {
                        b.create(Ledger.ACCOUNT, a.values(customer));
                    }
                });
                entries.forEach(e -> b.create(Ledger.ENTRY, e));
                changed.forEach((customer, a) -> {
                    if (a.id != 0) {
                        b.update(Ledger.ACCOUNT, a.id, a.rowVersion, a.values(customer));
                    }
                });
            });
        }
        long written = entries.size();
        return new Result(purchases.values().stream().mapToLong(List::size).sum(), written, awarded);
    }

    /** A customer's account as the slice changes it, entry by entry (balance after each). */
    private static final class Account {
        final long id;
        final int rowVersion;
        long balance;
        long pending;
        long earned;
        long entries;
        long owed;
        LocalDate lastOn;

        Account(RecordData a) {
            id = a == null ? 0 : a.id();
            rowVersion = a == null ? 0 : a.rowVersion();
            balance = a == null ? 0 : Ledger.number(a.get("balance"));
            pending = a == null ? 0 : Ledger.number(a.get("pending"));
            earned = a == null ? 0 : Ledger.number(a.get("earned"));
            entries = a == null ? 0 : Ledger.number(a.get("entries"));
            owed = a == null ? 0 : Ledger.number(a.get("owed"));
            lastOn = a == null ? null : (LocalDate) a.get("last_entry_on");
        }

        /** The entry (and a recovery of what is owed, as the ledger writes it) for an earning. */
        List<Map<String, Object>> post(Posting p, LocalDate today) {
            boolean isPending = p.availableOn() != null && p.availableOn().isAfter(today);
            List<Map<String, Object>> out = new ArrayList<>();
            Map<String, Object> v = new HashMap<>();
            v.put("customer", p.customer());
            v.put("kind", p.kind().name());
            v.put("points", p.points());
            if (isPending) {
                pending += p.points();
            } else {
                balance += p.points();
            }
            v.put("balance_after", balance);
            v.put("occurred_on", p.occurredOn());
            v.put("source", p.source());
            v.put("rule", p.rule());
            v.put("idem_key", p.idempotencyKey());
            if (p.availableOn() != null) {
                v.put("available_on", p.availableOn());
            }
            if (p.expiresOn() != null) {
                v.put("expires_on", p.expiresOn());
            }
            out.add(v);
            earned += p.points();
            entries++;
            if (owed > 0) {
                long recovered = Math.min(owed, p.points());
                Map<String, Object> r = new HashMap<>(v);
                r.remove("expires_on");
                r.put("kind", EntryKind.REVERSE.name());
                r.put("points", -recovered);
                r.put("rule", "recover");
                r.put("idem_key", p.idempotencyKey() + "|recover");
                if (isPending) {
                    pending -= recovered;
                } else {
                    balance -= recovered;
                }
                r.put("balance_after", balance);
                out.add(r);
                owed -= recovered;
                entries++;
            }
            if (lastOn == null || p.occurredOn().isAfter(lastOn)) {
                lastOn = p.occurredOn();
            }
            return out;
        }

        Map<String, Object> values(long customer) {
            Map<String, Object> v = new HashMap<>();
            v.put("customer", customer);
            v.put("balance", balance);
            v.put("pending", pending);
            v.put("earned", earned);
            v.put("entries", entries);
            v.put("owed", owed);
            if (id == 0) {
                v.put("redeemed", 0L);
            }
            if (lastOn != null) {
                v.put("last_entry_on", lastOn);
            }
            return v;
        }
    }

    /**
     * What a run did.
     *
     * @param purchases purchases read
     * @param entries entries written
     * @param points points awarded to the buyers (referral bonuses not counted)
     */
    public record Result(long purchases, long entries, long points) {
        Result plus(Result other) {
            return new Result(purchases + other.purchases, entries + other.entries, points + other.points);
        }
    }
}
