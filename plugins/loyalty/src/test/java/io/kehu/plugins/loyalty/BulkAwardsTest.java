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
}
