package io.kehu.plugins.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.MoneyValue;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Purchases earn through the plugin's listener; re-deliveries, bonuses, referrals and returns. */
@KehuPluginTest
class AwardsTest {

    private static final AtomicInteger N = new AtomicInteger();

    @AfterEach
    void defaults(KehuTestHost kehu) {
        kehu.context().settings().putJson(Awards.PROGRAMME_KEY, Programme.defaults());
    }

    static long customer(KehuTestHost kehu, LocalDate birthday) {
        int n = N.incrementAndGet();
        String phone = "137" + String.format("%08d", (System.nanoTime() / 1000 + n) % 100_000_000L);
        Map<String, Object> values = new java.util.HashMap<>(Map.of("name", "积分顾客" + n, "customer_type",
                "person", "phone", phone));
        if (birthday != null) {
            values.put("birthday", birthday);
        }
        return kehu.context().records().create("customer", values).id();
    }

    static long purchase(KehuTestHost kehu, long customer, String amount, LocalDate on) {
        return kehu.context().records().create("purchase", Map.of("customer", customer, "purchased_on", on,
                "product", "会员套餐", "quantity", 1L, "amount", new MoneyValue(new BigDecimal(amount), "CNY"))).id();
    }

    @Test
    void aSavedPurchaseEarnsOnceHoweverOftenItIsDelivered(KehuTestHost kehu) {
        long c = customer(kehu, null);
        long p = purchase(kehu, c, "128.00", LocalDate.now());
        Awards awards = new Awards(kehu.context(), new Ledger(kehu.context()));
        assertThat(awards.award(p)).extracting(PostResult::status)
                .containsOnly(PostResult.Status.ALREADY_POSTED);
        assertThat(awards.award(p)).extracting(PostResult::status)
                .containsOnly(PostResult.Status.ALREADY_POSTED);
        assertThat(new Ledger(kehu.context()).balance(c).available()).isEqualTo(12);
        assertThat(entries(kehu, c)).hasSize(1);
    }

    @Test
    void bonusesForTheFirstPurchaseTheBirthdayMonthAndTheReferrer(KehuTestHost kehu) {
        kehu.context().settings().putJson(Awards.PROGRAMME_KEY, new Programme(BigDecimal.TEN, "DOWN", null,
                Map.of(), BigDecimal.valueOf(2), 100L, 30L, 0L, 0L, 0, 0, 30, true));
        LocalDate today = LocalDate.now();
        long referrer = customer(kehu, null);
        long c = customer(kehu, today.minusYears(30).withDayOfMonth(1));
        kehu.context().records().create(Awards.REFERRAL, Map.of("referrer", referrer, "referred", c));
        purchase(kehu, c, "200.00", today);
        purchase(kehu, c, "50.00", today.plusDays(1));
        Ledger ledger = new Ledger(kehu.context());
        // 20 + 20 (birthday) + 100 (first) on the first; 5 + 5 on the second, which is not the first
        assertThat(ledger.balance(c).available()).isEqualTo(150);
        assertThat(ledger.balance(referrer).available()).isEqualTo(30);
    }

    @Test
    void aReturnAfterAPartialRedemptionTakesBackItsShare(KehuTestHost kehu) {
        long c = customer(kehu, null);
        long p = purchase(kehu, c, "300.00", LocalDate.now());
        Ledger ledger = new Ledger(kehu.context());
        assertThat(ledger.balance(c).available()).isEqualTo(30);
        ledger.post(Posting.redeem(c, 25, "redemption/r-" + c, LocalDate.now(), "咖啡券"));
        Awards awards = new Awards(kehu.context(), ledger);
        List<PostResult> back = awards.returned(p, "ret-" + p, new BigDecimal("200.00"), LocalDate.now());
        assertThat(back).extracting(PostResult::status).containsExactly(PostResult.Status.POSTED);
        assertThat(ledger.balance(c).available()).isEqualTo(5 - 20);
        assertThat(awards.returned(p, "ret-" + p, new BigDecimal("200.00"), LocalDate.now()))
                .extracting(PostResult::status).containsExactly(PostResult.Status.ALREADY_POSTED);
        assertThat(ledger.balance(c).available()).isEqualTo(-15);
    }

    @Test
    void aCompletedReturnRequestTakesBackItsShareOnceAndAnExchangeNothing(KehuTestHost kehu) {
        long c = customer(kehu, null);
        long p = purchase(kehu, c, "300.00", LocalDate.now());
        Ledger ledger = new Ledger(kehu.context());
        assertThat(ledger.balance(c).available()).isEqualTo(30);

        long refund = returnRequest(kehu, c, p, "refund", "100.00");
        assertThat(ledger.balance(c).available()).as("submitted: nothing taken yet").isEqualTo(30);
        move(kehu, refund, "accept", Map.of());
        assertThat(ledger.balance(c).available()).as("processing: nothing taken yet").isEqualTo(30);
        move(kehu, refund, "complete", Map.of("resolution", "已退款 ¥100"));
        assertThat(ledger.balance(c).available()).as("a third of the amount: a third of the points").isEqualTo(20);

        // saved again, and the listener's work delivered again: nothing more
        RecordData done = kehu.context().records().get(Awards.RETURN, refund).orElseThrow();
        kehu.asUser("manager", () -> kehu.context().records().update(Awards.RETURN, refund, done.rowVersion(),
                Map.of("resolution", "已退款 ¥100，客户已确认")));
        assertThat(new Awards(kehu.context(), ledger).returnRequest(refund)).extracting(PostResult::status)
                .containsOnly(PostResult.Status.ALREADY_POSTED);
        assertThat(ledger.balance(c).available()).isEqualTo(20);
        assertThat(entries(kehu, c)).extracting(e -> e.get("source")).containsExactlyInAnyOrder("purchase/" + p,
                "return/" + Awards.RETURN + "-" + refund);

        long exchange = returnRequest(kehu, c, p, "exchange", null);
        move(kehu, exchange, "accept", Map.of());
        move(kehu, exchange, "complete", Map.of("resolution", "已换新"));
        assertThat(ledger.balance(c).available()).as("an exchange keeps the points").isEqualTo(20);

        long q = purchase(kehu, c, "80.00", LocalDate.now());
        long wholeReturn = returnRequest(kehu, c, q, "return", null);
        move(kehu, wholeReturn, "accept", Map.of());
        move(kehu, wholeReturn, "complete", Map.of("resolution", "已退货"));
        assertThat(ledger.balance(c).available()).as("a return without an amount: the whole purchase").isEqualTo(20);
    }

    private static long returnRequest(KehuTestHost kehu, long customer, long purchase, String type, String amount) {
        Map<String, Object> values = new java.util.HashMap<>(Map.of("customer", customer, "purchase", purchase,
                "request_type", type, "reason", "尺码不合适"));
        if (amount != null) {
            values.put("amount", new MoneyValue(new BigDecimal(amount), "CNY"));
        }
        return kehu.callAsUser("manager", () -> kehu.context().records().create(Awards.RETURN, values)).id();
    }

    private static void move(KehuTestHost kehu, long request, String transition, Map<String, Object> values) {
        kehu.asUser("manager", () -> {
            RecordData now = kehu.context().records().get(Awards.RETURN, request).orElseThrow();
            kehu.context().workflows().transition(Awards.RETURN, request, transition, null, values,
                    now.rowVersion());
        });
    }

    @Test
    void anAdminRuleInTheSandboxComputesTheBasePoints(KehuTestHost kehu) {
        kehu.context().settings().putJson(Awards.PROGRAMME_KEY, new Programme(BigDecimal.TEN, "DOWN",
                "record.quantity * 7", Map.of(), null, 0L, 0L, 0L, 0L, 0, 0, 30, true));
        long c = customer(kehu, null);
        purchase(kehu, c, "10.00", LocalDate.now());
        assertThat(new Ledger(kehu.context()).balance(c).available()).isEqualTo(7);
    }

    @Test
    void rulesReadTheBalanceAsLoyaltyBalance(KehuTestHost kehu) {
        long c = customer(kehu, null);
        new Ledger(kehu.context()).post(Posting.earn(c, 42, "purchase/fn-" + c, "base", LocalDate.now()));
        // called through the object the host hands the rules (by reflection: the plugin's class loader, not the
        // test's copy of the class), as TieringPluginTest does
        Object functions = kehu.extension(io.kehu.sdk.scripts.ScriptFunctions.class, LoyaltyFunctions.class)
                .functions();
        try {
            Object balance = functions.getClass().getMethod("balance", Object.class).invoke(functions, c);
            assertThat(((Number) balance).longValue()).isEqualTo(42);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    static List<RecordData> entries(KehuTestHost kehu, long customer) {
        return kehu.context().records().search(Ledger.ENTRY).where("customer", FilterOperator.EQUALS, customer)
                .limit(1000).list();
    }
}
