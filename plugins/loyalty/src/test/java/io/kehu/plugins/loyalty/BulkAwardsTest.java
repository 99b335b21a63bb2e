package io.kehu.plugins.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.sdk.records.MoneyValue;
import io.kehu.sdk.records.PluginRecords;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bulk award computes what the listener does, with the same keys, so neither awards twice. */
@KehuPluginTest
class BulkAwardsTest {

    @AfterEach
    void defaults(KehuTestHost kehu) {
        kehu.context().settings().putJson(Awards.PROGRAMME_KEY, Programme.defaults());
    }

    @Test
    void bulkAwardsEqualTheListenersAndARerunWritesNothing(KehuTestHost kehu) {
        kehu.context().settings().putJson(Awards.PROGRAMME_KEY, new Programme(BigDecimal.TEN, "HALF_UP", null,
                Map.of(), BigDecimal.valueOf(2), 100L, 0L, 150L, 0L, 0, 12, 30, true));
        LocalDate birthday = LocalDate.now().minusYears(40);
        List<String> amounts = List.of("880.00", "1234.50", "55.00");
        long live = AwardsTest.customer(kehu, birthday);
        amounts.forEach(a -> AwardsTest.purchase(kehu, live, a, LocalDate.now()));

        kehu.disablePlugin(); // purchases saved while the plugin is off earn nothing yet
        long later;
        try {
            PluginRecords admin = kehu.recordsAs("admin");
            later = admin.create("customer", Map.of("name", "批量积分顾客", "customer_type", "person", "phone",
                    "136" + String.format("%08d", System.nanoTime() / 1000 % 100_000_000L), "birthday", birthday))
                    .id();
            for (String a : amounts) {
                admin.create("purchase", Map.of("customer", later, "purchased_on", LocalDate.now(), "product",
                        "会员套餐", "quantity", 1L, "amount", new MoneyValue(new BigDecimal(a), "CNY")));
            }
        } finally {
            kehu.enablePlugin();
        }
        Ledger ledger = new Ledger(kehu.context());
        assertThat(ledger.balance(later).entries()).isZero();

        BulkAwards bulk = new BulkAwards(kehu.context(), ledger);
        BulkAwards.Result result = bulk.run(Math.min(live, later), Math.max(live, later), 1, done -> { });
        assertThat(result.entries()).isEqualTo(ledger.balance(later).entries()); // nothing for the live customer
        assertThat(ledger.balance(later)).isEqualTo(ledger.balance(live));
        assertThat(ledger.balance(later).earned()).isEqualTo(150); // the daily cap held in bulk too
        assertThat(bulk.run(later, later, 10, done -> { }).entries()).isZero();
    }

    @Test
    void aPurchaseSavedWhileItsSliceIsWrittenWaitsForTheSliceAndIsAwardedExactlyOnce(KehuTestHost kehu)
            throws Exception {
        long customer = AwardsTest.customer(kehu, null);
        kehu.disablePlugin(); // two purchases saved while the plugin is off: the bulk run awards them
        List<Long> before = new java.util.ArrayList<>();
        try {
            PluginRecords admin = kehu.recordsAs("admin");
            for (String amount : List.of("200.00", "80.00")) {
                before.add(admin.create("purchase", Map.of("customer", customer, "purchased_on",
                        LocalDate.now().minusDays(before.size() + 1), "product", "会员套餐", "quantity", 1L, "amount",
                        new MoneyValue(new BigDecimal(amount), "CNY"))).id());
            }
        } finally {
            kehu.enablePlugin();
        }
        Ledger ledger = new Ledger(kehu.context());
        BulkAwards bulk = new BulkAwards(kehu.context(), ledger);
        java.util.concurrent.ExecutorService shop = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.atomic.AtomicReference<java.util.concurrent.Future<Long>> saved =
                new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean waited = new java.util.concurrent.atomic.AtomicBoolean();
        // while the slice holds its customers' ledger locks (read done, not yet written), the shop saves a purchase
        bulk.beforeWrite = () -> {
            if (saved.get() != null) {
                return; // a retried slice
            }
            saved.set(shop.submit(() -> AwardsTest.purchase(kehu, customer, "300.00", LocalDate.now())));
            try {
                saved.get().get(700, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException stillAwarding) {
                waited.set(true); // its award waits for the slice's lock
            } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e);
            }
        };
        try {
            bulk.run(customer, customer, 10, done -> { });
            long during = saved.get().get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(waited).as("the purchase's award waited for the slice's ledger lock").isTrue();
            List<Long> all = new java.util.ArrayList<>(before);
            all.add(during);
            for (long purchase : all) {
                List<io.kehu.sdk.records.RecordData> entries = kehu.context().records().search(Ledger.ENTRY)
                        .where("source", io.kehu.sdk.records.FilterOperator.EQUALS, "purchase/" + purchase)
                        .where("rule", io.kehu.sdk.records.FilterOperator.EQUALS, "base").list();
                assertThat(entries).as("base entries of purchase " + purchase).hasSize(1);
            }
            long sum = kehu.context().records().search(Ledger.ENTRY)
                    .where("customer", io.kehu.sdk.records.FilterOperator.EQUALS, customer).limit(1000).list()
                    .stream().mapToLong(e -> Ledger.number(e.get("points"))).sum();
            Ledger.Balance balance = ledger.balance(customer);
            assertThat(balance.available() + balance.pending()).isEqualTo(sum);
            assertThat(bulk.run(customer, customer, 10, done -> { }).entries()).isZero();
        } finally {
            shop.shutdownNow();
        }
    }
    @Test
    void severalWorkersWriteNeighbouringSlicesAtOnceAndAwardEachPurchaseOnce(KehuTestHost kehu) {
        kehu.context().settings().putJson(Awards.PROGRAMME_KEY, Programme.defaults()); // ¥10 a point, rounded down
        List<Long> customers = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            customers.add(AwardsTest.customer(kehu, null));
        }
        List<Long> purchases = savedWhileOff(kehu, customers, List.of("120.00", "45.50"));
        Ledger ledger = new Ledger(kehu.context());
        BulkAwards bulk = new BulkAwards(kehu.context(), ledger);
        java.util.Set<Long> done = java.util.concurrent.ConcurrentHashMap.newKeySet();
        long first = customers.getFirst();
        long last = customers.getLast();
        bulk.run(first, last, 1, 3, done::add);

        assertThat(done).contains(last); // told each slice's last customer (slices span whole lock blocks)
        for (long purchase : purchases) {
            assertThat(baseEntries(kehu, purchase)).as("base entries of purchase " + purchase).hasSize(1);
        }
        for (long customer : customers) {
            Ledger.Balance balance = ledger.balance(customer);
            assertThat(balance.available() + balance.pending()).isEqualTo(sumOfEntries(kehu, customer));
            assertThat(balance.earned()).isEqualTo(12 + 4);
        }
        assertThat(bulk.run(first, last, 2, 3, n -> { }).entries()).isZero();
    }

    @Test
    void aWriterThatSkipsTheLocksMakesTheSliceFailAsDuplicateAndRetryNeverTwice(KehuTestHost kehu) {
        kehu.context().settings().putJson(Awards.PROGRAMME_KEY, Programme.defaults());
        long customer = AwardsTest.customer(kehu, null);
        List<Long> purchases = savedWhileOff(kehu, List.of(customer), List.of("200.00", "80.00"));
        long taken = purchases.getFirst();
        Ledger ledger = new Ledger(kehu.context());
        BulkAwards bulk = new BulkAwards(kehu.context(), ledger);
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        // between the slice's reads and its writes a writer that takes no lock commits the first purchase's key:
        // the bulk write no longer looks keys up (uniqueByIndex), so the unique index must refuse the slice
        bulk.beforeWrite = () -> {
            if (attempts.incrementAndGet() > 1) {
                return;
            }
            Thread rogue = Thread.ofPlatform().start(() -> kehu.context().records().create(Ledger.ENTRY, Map.of(
                    "customer", customer, "kind", EntryKind.EARN.name(), "points", 1L, "balance_after", 1L,
                    "occurred_on", LocalDate.now(), "source", "purchase/" + taken, "rule", "base",
                    "idem_key", "purchase/" + taken + "|base")));
            try {
                rogue.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        BulkAwards.Result result = bulk.run(customer, customer, 10, n -> { });

        assertThat(attempts).as("the slice was refused once and read again").hasValue(2);
        assertThat(baseEntries(kehu, taken)).singleElement()
                .satisfies(e -> assertThat(Ledger.number(e.get("points"))).isEqualTo(1));
        assertThat(baseEntries(kehu, purchases.get(1))).hasSize(1);
        assertThat(result.entries()).isEqualTo(1);
        assertThat(bulk.run(customer, customer, 10, n -> { }).entries()).isZero();
    }

    /** Purchases of {@code amounts} for each customer, saved while the plugin is off (they earn nothing yet). */
    private static List<Long> savedWhileOff(KehuTestHost kehu, List<Long> customers, List<String> amounts) {
        List<Long> ids = new java.util.ArrayList<>();
        kehu.disablePlugin();
        try {
            PluginRecords admin = kehu.recordsAs("admin");
            for (long customer : customers) {
                for (String amount : amounts) {
                    ids.add(admin.create("purchase", Map.of("customer", customer, "purchased_on",
                            LocalDate.now().minusDays(ids.size() % 3), "product", "会员套餐", "quantity", 1L,
                            "amount", new MoneyValue(new BigDecimal(amount), "CNY"))).id());
                }
            }
        } finally {
            kehu.enablePlugin();
        }
        return ids;
    }

    private static List<io.kehu.sdk.records.RecordData> baseEntries(KehuTestHost kehu, long purchase) {
        return kehu.context().records().search(Ledger.ENTRY)
                .where("source", io.kehu.sdk.records.FilterOperator.EQUALS, "purchase/" + purchase)
                .where("rule", io.kehu.sdk.records.FilterOperator.EQUALS, "base").list();
    }

    private static long sumOfEntries(KehuTestHost kehu, long customer) {
        return kehu.context().records().search(Ledger.ENTRY)
                .where("customer", io.kehu.sdk.records.FilterOperator.EQUALS, customer).limit(1000).list()
                .stream().mapToLong(e -> Ledger.number(e.get("points"))).sum();
    }
}
