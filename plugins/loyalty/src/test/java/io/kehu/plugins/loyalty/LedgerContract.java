package io.kehu.plugins.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import io.kehu.sdk.testkit.KehuTestHost;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The ledger's guarantees, run on H2 ({@link LedgerH2Test}) and PostgreSQL ({@link LedgerPostgresTest}): retries,
 * re-runs and concurrent writers never award twice, the balance always equals the sum of the entries, parallel
 * redemptions never overdraw, entries are never changed, only reversed.
 */
abstract class LedgerContract {

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 14);

    abstract KehuTestHost kehu();

    Ledger ledger() {
        return new Ledger(kehu().context());
    }

    long customer() {
        int n = NAMES.incrementAndGet();
        String phone = "139" + String.format("%08d", (System.nanoTime() / 1000 + n) % 100_000_000L);
        return kehu().context().records().create("customer", Map.of("name", "积分测试客户" + n,
                "customer_type", "person", "phone", phone)).id();
    }

    @Test
    void theSamePurchaseDeliveredThreeTimesIsAwardedOnce() {
        long c = customer();
        Posting earn = Posting.earn(c, 12, "purchase/9001", "base", TODAY);
        PostResult first = ledger().post(earn);
        PostResult second = ledger().post(earn);
        PostResult third = ledger().post(earn);
        assertThat(first.status()).isEqualTo(PostResult.Status.POSTED);
        assertThat(second.status()).isEqualTo(PostResult.Status.ALREADY_POSTED);
        assertThat(third.status()).isEqualTo(PostResult.Status.ALREADY_POSTED);
        assertThat(second.entryId()).isEqualTo(first.entryId());
        assertThat(entries(c)).hasSize(1);
        assertThat(ledger().balance(c).available()).isEqualTo(12);
        assertBalanceIsTheSumOfEntries(c);
    }

    @Test
    void aReRunOfAJobWritesNothingNew() {
        long c = customer();
        List<Posting> run = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            run.add(Posting.earn(c, 10 + i, "purchase/rerun-" + c + "-" + i, "base", TODAY));
        }
        run.forEach(p -> assertThat(ledger().post(p).posted()).isTrue());
        run.forEach(p -> assertThat(ledger().post(p).status()).isEqualTo(PostResult.Status.ALREADY_POSTED));
        assertThat(entries(c)).hasSize(5);
        assertThat(ledger().balance(c).available()).isEqualTo(60);
        assertBalanceIsTheSumOfEntries(c);
    }

    @Test
    void anotherRuleOnTheSamePurchaseIsAnotherEntry() {
        long c = customer();
        assertThat(ledger().post(Posting.earn(c, 10, "purchase/77", "base", TODAY)).posted()).isTrue();
        assertThat(ledger().post(Posting.earn(c, 10, "purchase/77", "birthday", TODAY)).posted()).isTrue();
        assertThat(ledger().balance(c).available()).isEqualTo(20);
    }

    @Test
    void twoWritersWithTheSameEventsNeverAwardTwice() throws Exception {
        long c = customer();
        int events = 25;
        List<Callable<Integer>> writers = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int w = 0; w < 2; w++) {
            writers.add(() -> {
                start.await();
                int posted = 0;
                for (int i = 0; i < events; i++) {
                    if (ledger().post(Posting.earn(c, i + 1, "purchase/race-" + c + "-" + i, "base", TODAY))
                            .posted()) {
                        posted++;
                    }
                }
                return posted;
            });
        }
        List<Integer> posted = runTogether(writers, start);
        assertThat(posted.get(0) + posted.get(1)).isEqualTo(events);
        assertThat(entries(c)).hasSize(events);
        assertThat(ledger().balance(c).available()).isEqualTo(events * (events + 1) / 2);
        assertBalanceIsTheSumOfEntries(c);
    }

    @Test
    void twoWritersOnOneCustomerLoseNoUpdate() throws Exception {
        long c = customer();
        int each = 20;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> writers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int writer = w;
            writers.add(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    ledger().post(Posting.earn(c, 5, "purchase/w" + writer + "-" + c + "-" + i, "base", TODAY));
                }
                return each;
            });
        }
        runTogether(writers, start);
        assertThat(entries(c)).hasSize(2 * each);
        assertThat(ledger().balance(c).available()).isEqualTo(2 * each * 5);
        assertBalanceIsTheSumOfEntries(c);
    }

    @Test
    void parallelRedemptionsNeverOverdraw() throws Exception {
        long c = customer();
        ledger().post(Posting.earn(c, 100, "purchase/big-" + c, "base", TODAY));
        int tries = 12;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> redeemers = new ArrayList<>();
        for (int i = 0; i < tries; i++) {
            int n = i;
            redeemers.add(() -> {
                start.await();
                return ledger().post(Posting.redeem(c, 30, "redemption/" + c + "-" + n, TODAY, "礼品")).posted()
                        ? 1 : 0;
            });
        }
        int succeeded = runTogether(redeemers, start).stream().mapToInt(Integer::intValue).sum();
        assertThat(succeeded).isEqualTo(3);
        assertThat(ledger().balance(c).available()).isEqualTo(10);
        assertThat(ledger().balance(c).redeemed()).isEqualTo(90);
        assertThat(entries(c)).allSatisfy(e -> assertThat(Ledger.number(e.get("balance_after"))).isNotNegative());
        assertBalanceIsTheSumOfEntries(c);
    }

    @Test
    void fiftyParallelRedemptionsNeverOverdrawTheBalanceNorTheStock() throws Exception {
        long c = customer();
        ledger().post(Posting.earn(c, 1000, "purchase/stock-" + c, "base", TODAY));
        long reward = kehu().context().records().create(Redemptions.REWARD, Map.of("name", "保温杯",
                "reward_type", "GIFT", "price", 30L, "stock", 20L, "active", true)).id();
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<PostResult>> redeemers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            redeemers.add(() -> {
                start.await();
                return new Redemptions(kehu().context(), ledger()).reward(c, reward, "till-" + c + "-" + n, TODAY);
            });
        }
        List<PostResult> results = runTogether(redeemers, start);
        assertThat(results.stream().filter(PostResult::posted).count()).isEqualTo(20);
        assertThat(results).extracting(PostResult::status).containsOnly(PostResult.Status.POSTED,
                PostResult.Status.UNAVAILABLE);
        assertThat(Ledger.number(kehu().context().records().get(Redemptions.REWARD, reward).orElseThrow()
                .get("stock"))).isZero();
        assertThat(ledger().balance(c).available()).isEqualTo(1000 - 20 * 30);
        assertThat(entries(c)).allSatisfy(e -> assertThat(Ledger.number(e.get("balance_after"))).isNotNegative());
        assertBalanceIsTheSumOfEntries(c);
        // the same till request again redeems nothing
        assertThat(new Redemptions(kehu().context(), ledger()).reward(c, reward, "till-" + c + "-0", TODAY).status())
                .isIn(PostResult.Status.ALREADY_POSTED, PostResult.Status.UNAVAILABLE);
    }

    @Test
    void aReversalUndoesAnEntryOnceAndMayGoNegativeForSpentPoints() {
        long c = customer();
        PostResult earned = ledger().post(Posting.earn(c, 50, "purchase/ret-" + c, "base", TODAY));
        ledger().post(Posting.redeem(c, 40, "redemption/ret-" + c, TODAY, "代金券"));
        PostResult reversed = ledger().reverse(earned.entryId(), TODAY, "退货");
        assertThat(reversed.status()).isEqualTo(PostResult.Status.POSTED);
        assertThat(reversed.balance()).isEqualTo(-40);
        assertThat(ledger().reverse(earned.entryId(), TODAY, "退货").status())
                .isEqualTo(PostResult.Status.ALREADY_POSTED);
        RecordData reversal = kehu().context().records().get(Ledger.ENTRY, reversed.entryId()).orElseThrow();
        assertThat(reversal.get("kind")).isEqualTo("REVERSE");
        assertThat(Ledger.number(reversal.get("reverses"))).isEqualTo(earned.entryId());
        assertBalanceIsTheSumOfEntries(c);
    }

    @Test
    void aRedemptionBeyondTheBalanceIsRefusedAndWritesNothing() {
        long c = customer();
        ledger().post(Posting.earn(c, 20, "purchase/small-" + c, "base", TODAY));
        PostResult refused = ledger().post(Posting.redeem(c, 21, "redemption/small-" + c, TODAY, null));
        assertThat(refused.status()).isEqualTo(PostResult.Status.INSUFFICIENT);
        assertThat(entries(c)).hasSize(1);
        assertThat(ledger().balance(c).available()).isEqualTo(20);
    }

    @Test
    void pendingPointsJoinTheBalanceWhenTheWindowCloses() {
        long c = customer();
        LocalDate today = LocalDate.now();
        ledger().post(Posting.earn(c, 30, "purchase/pend-" + c, "base", today).availableOn(today.plusDays(7)));
        assertThat(ledger().balance(c).available()).isZero();
        assertThat(ledger().balance(c).pending()).isEqualTo(30);
        assertBalanceIsTheSumOfEntries(c);
        Ledger later = new Ledger(kehu().context(), java.time.Clock.fixed(
                today.plusDays(7).atStartOfDay(java.time.ZoneId.systemDefault()).toInstant(),
                java.time.ZoneId.systemDefault()));
        later.release(c);
        later.release(c);
        assertThat(ledger().balance(c).available()).isEqualTo(30);
        assertThat(ledger().balance(c).pending()).isZero();
    }

    @Test
    void entriesAreNeverChangedNorDeletedAndBalancesOnlyByTheLedger() {
        long c = customer();
        PostResult earned = ledger().post(Posting.earn(c, 10, "purchase/guard-" + c, "base", TODAY));
        RecordData entry = kehu().context().records().get(Ledger.ENTRY, earned.entryId()).orElseThrow();
        assertThatThrownBy(() -> kehu().context().records().update(Ledger.ENTRY, entry.id(), entry.rowVersion(),
                Map.of("points", 1000L))).isInstanceOfSatisfying(RecordException.class,
                e -> assertThat(e.reason()).isEqualTo(RecordException.Reason.VETOED));
        assertThatThrownBy(() -> kehu().recordsAs("admin").delete(Ledger.ENTRY, entry.id(), entry.rowVersion()))
                .isInstanceOfSatisfying(RecordException.class,
                        e -> assertThat(e.reason()).isEqualTo(RecordException.Reason.VETOED));
        RecordData account = kehu().context().records().search(Ledger.ACCOUNT)
                .where("customer", FilterOperator.EQUALS, c).list().getFirst();
        assertThatThrownBy(() -> kehu().recordsAs("admin").update(Ledger.ACCOUNT, account.id(),
                account.rowVersion(), Map.of("balance", 99999L))).isInstanceOfSatisfying(RecordException.class,
                e -> assertThat(e.reason()).isEqualTo(RecordException.Reason.VETOED));
        assertThatThrownBy(() -> kehu().recordsAs("admin").create(Ledger.ENTRY, Map.of("customer", c, "kind", "EARN",
                "points", 500L, "occurred_on", TODAY, "source", "manual", "rule", "x", "idem_key", "manual|x-" + c)))
                .isInstanceOfSatisfying(RecordException.class,
                        e -> assertThat(e.reason()).isEqualTo(RecordException.Reason.VETOED));
        assertThat(ledger().balance(c).available()).isEqualTo(10);
    }

    @Test
    void sdkTransactionsAreAllOrNothingAndReportATakenUniqueValueAsDuplicate() {
        long c = customer();
        ledger().post(Posting.earn(c, 10, "purchase/tx-" + c, "base", TODAY));
        Map<String, Object> entry = Map.of("customer", c, "kind", "EARN", "points", 1L, "occurred_on", TODAY,
                "source", "purchase/tx-" + c, "rule", "other", "idem_key", "purchase/tx-" + c + "|other");
        assertThatThrownBy(() -> kehu().context().transactions().run(() -> {
            kehu().context().records().create(Ledger.ENTRY, entry);
            throw new IllegalStateException("boom after the first write");
        })).hasMessageContaining("boom");
        assertThat(entries(c)).hasSize(1);
        assertThatThrownBy(() -> kehu().context().transactions().run(() -> kehu().context().records()
                .create(Ledger.ENTRY, Map.of("customer", c, "kind", "EARN", "points", 1L, "occurred_on", TODAY,
                        "source", "purchase/tx-" + c, "rule", "base", "idem_key", "purchase/tx-" + c + "|base"))))
                .isInstanceOfSatisfying(RecordException.class,
                        e -> assertThat(e.reason()).isEqualTo(RecordException.Reason.DUPLICATE));
        assertThat(entries(c)).hasSize(1);
    }

    @Test
    void aReturnOfSpentPointsIsRecoveredFromTheNextEarnings() {
        long c = customer();
        ledger().post(Posting.earn(c, 30, "purchase/rec-" + c, "base", TODAY));
        ledger().post(Posting.redeem(c, 25, "redemption/rec-" + c, TODAY, "咖啡券"));
        Posting back = new Posting(c, EntryKind.REVERSE, -20, "return/rec-" + c, "reverse-1", TODAY, null, null,
                null, null, null, true);
        PostResult taken = ledger().takeBackRecovering(back);
        assertThat(taken.status()).isEqualTo(PostResult.Status.POSTED);
        assertThat(taken.balance()).isZero();
        RecordData entry = kehu().context().records().get(Ledger.ENTRY, taken.entryId()).orElseThrow();
        assertThat(Ledger.number(entry.get("points"))).isEqualTo(-5);
        assertThat(Ledger.number(entry.get("owed"))).isEqualTo(15);
        assertThat(ledger().balance(c).owed()).isEqualTo(15);
        // the same return again owes nothing more
        assertThat(ledger().takeBackRecovering(back).status()).isEqualTo(PostResult.Status.ALREADY_POSTED);
        assertThat(ledger().balance(c).owed()).isEqualTo(15);
        // the next earnings pay it back first, in their own transaction
        ledger().post(Posting.earn(c, 10, "purchase/rec2-" + c, "base", TODAY));
        assertThat(ledger().balance(c).available()).isZero();
        assertThat(ledger().balance(c).owed()).isEqualTo(5);
        ledger().post(Posting.earn(c, 12, "purchase/rec3-" + c, "base", TODAY));
        assertThat(ledger().balance(c).available()).isEqualTo(7);
        assertThat(ledger().balance(c).owed()).isZero();
        assertThat(entries(c)).filteredOn(e -> "recover".equals(e.get("rule")))
                .extracting(e -> Ledger.number(e.get("points"))).containsExactlyInAnyOrder(-10L, -5L);
        assertThat(entries(c)).allSatisfy(e -> assertThat(Ledger.number(e.get("balance_after"))).isNotNegative());
        assertBalanceIsTheSumOfEntries(c);
    }

    @Test
    void aReturnWithNothingLeftOwesItAllAndTheBalanceNeverGoesNegative() {
        long c = customer();
        ledger().post(Posting.earn(c, 40, "purchase/rec0-" + c, "base", TODAY));
        ledger().post(Posting.redeem(c, 40, "redemption/rec0-" + c, TODAY, "礼品"));
        PostResult taken = ledger().takeBackRecovering(new Posting(c, EntryKind.REVERSE, -40, "return/rec0-" + c,
                "reverse-1", TODAY, null, null, null, null, null, true));
        assertThat(taken.status()).isEqualTo(PostResult.Status.POSTED);
        assertThat(ledger().balance(c).available()).isZero();
        assertThat(ledger().balance(c).owed()).isEqualTo(40);
        assertBalanceIsTheSumOfEntries(c);
    }

    @Test
    void returnsOfSpentPointsFollowTheProgrammesChoice() {
        Programme before = kehu().context().settings().getJson(Awards.PROGRAMME_KEY, Programme.class)
                .orElseGet(Programme::defaults);
        try {
            Awards awards = new Awards(kehu().context(), ledger());
            for (String choice : List.of(Programme.NEGATIVE, Programme.RECOVER, Programme.WAIVE)) {
                kehu().context().settings().putJson(Awards.PROGRAMME_KEY,
                        Programme.defaults().withReturnShortfall(choice));
                long c = customer();
                long p = purchase(c, "300.00", TODAY);
                assertThat(ledger().balance(c).available()).isEqualTo(30);
                ledger().post(Posting.redeem(c, 25, "redemption/choice-" + c, TODAY, "咖啡券"));
                awards.returned(p, "ret-" + p, new BigDecimal("200.00"), TODAY);
                awards.returned(p, "ret-" + p, new BigDecimal("200.00"), TODAY);
                Ledger.Balance b = ledger().balance(c);
                switch (choice) {
                    case Programme.NEGATIVE -> assertThat(b).extracting(Ledger.Balance::available,
                            Ledger.Balance::owed).containsExactly(-15L, 0L);
                    case Programme.RECOVER -> assertThat(b).extracting(Ledger.Balance::available,
                            Ledger.Balance::owed).containsExactly(0L, 15L);
                    default -> assertThat(b).extracting(Ledger.Balance::available, Ledger.Balance::owed)
                            .containsExactly(0L, 0L);
                }
                purchase(c, "100.00", TODAY.plusDays(1));
                assertThat(ledger().balance(c).available()).isEqualTo(switch (choice) {
                    case Programme.NEGATIVE -> -5L;
                    case Programme.RECOVER -> 0L;
                    default -> 10L;
                });
                assertBalanceIsTheSumOfEntries(c);
            }
        } finally {
            kehu().context().settings().putJson(Awards.PROGRAMME_KEY, before);
        }
    }

    @Test
    void purchasesSavedAtTheSameMomentNeverPassTheDailyCap() throws Exception {
        Programme before = kehu().context().settings().getJson(Awards.PROGRAMME_KEY, Programme.class)
                .orElseGet(Programme::defaults);
        try {
            kehu().context().settings().putJson(Awards.PROGRAMME_KEY, Programme.defaults().withCaps(100, 0));
            long c = customer();
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Long>> buyers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                buyers.add(() -> {
                    start.await();
                    return purchase(c, "600.00", TODAY); // 60 points each, 360 wanted, 100 allowed
                });
            }
            runTogether(buyers, start);
            assertThat(ledger().balance(c).earned()).isEqualTo(100);
            assertThat(entries(c).stream().mapToLong(e -> Ledger.number(e.get("points"))).sum()).isEqualTo(100);
            // another day has its own room
            purchase(c, "600.00", TODAY.plusDays(1));
            assertThat(ledger().balance(c).earned()).isEqualTo(160);
            assertBalanceIsTheSumOfEntries(c);
        } finally {
            kehu().context().settings().putJson(Awards.PROGRAMME_KEY, before);
        }
    }

    @Test
    void earningsAtTheSameMomentNeverPassTheCustomerCap() throws Exception {
        long c = customer();
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<PostResult>> writers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            writers.add(() -> {
                start.await();
                return ledger().earn(Posting.earn(c, 30, "purchase/cap-" + c + "-" + n, "base", TODAY.plusDays(n)),
                        0, 100);
            });
        }
        List<PostResult> results = runTogether(writers, start);
        assertThat(ledger().balance(c).earned()).isEqualTo(100);
        assertThat(results).extracting(PostResult::status).containsOnly(PostResult.Status.POSTED,
                PostResult.Status.CAPPED);
        assertThat(results.stream().filter(PostResult::posted).count()).isEqualTo(4); // 30 + 30 + 30 + 10
        assertBalanceIsTheSumOfEntries(c);
    }

    @Test
    void anExpiryNoticeIsSentOnceByReRunsAndTwoNodes() throws Exception {
        long c = customer();
        LocalDate notice = TODAY.plusDays(Programme.defaults().noticeDays());
        ledger().post(Posting.earn(c, 40, "purchase/notice-" + c, "base", TODAY.minusYears(1)).expiresOn(notice));
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Expiry.Result>> nodes = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            nodes.add(() -> {
                start.await();
                return new Expiry(kehu().context(), new Ledger(kehu().context())).run(TODAY);
            });
        }
        runTogether(nodes, start);
        new Expiry(kehu().context(), ledger()).run(TODAY); // a re-run the same day
        List<RecordData> sent = kehu().context().records().search(Expiry.NOTICE)
                .where("customer", FilterOperator.EQUALS, c).list();
        assertThat(sent).hasSize(1);
        assertThat(Ledger.number(sent.getFirst().get("points"))).isEqualTo(40);
        assertThat(sent.getFirst().get("expires_on")).isEqualTo(notice);
        assertThat(ledger().balance(c).available()).isEqualTo(40); // told, not expired
    }

    long purchase(long customer, String amount, LocalDate on) {
        return kehu().context().records().create("purchase", Map.of("customer", customer, "purchased_on", on,
                "product", "会员套餐", "quantity", 1L, "amount",
                new io.kehu.sdk.records.MoneyValue(new BigDecimal(amount), "CNY"))).id();
    }

    List<RecordData> entries(long customer) {
        return kehu().context().records().search(Ledger.ENTRY).where("customer", FilterOperator.EQUALS, customer)
                .limit(1000).list();
    }

    void assertBalanceIsTheSumOfEntries(long customer) {
        BigDecimal sum = kehu().context().records().aggregate(Ledger.ENTRY)
                .where("customer", FilterOperator.EQUALS, customer).sum("points").list().getFirst().sum("points");
        Ledger.Balance balance = ledger().balance(customer);
        assertThat(balance.available() + balance.pending()).isEqualTo(sum.longValueExact());
        assertThat(balance.entries()).isEqualTo(entries(customer).size());
    }

    private static <T> List<T> runTogether(List<Callable<T>> tasks, CountDownLatch start) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> t : tasks) {
                futures.add(pool.submit(t));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(120, java.util.concurrent.TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
