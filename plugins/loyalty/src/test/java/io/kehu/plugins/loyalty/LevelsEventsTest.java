package io.kehu.plugins.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Programme levels by points (upgrade, downgrade, history), earning on other record events, the liability. */
@KehuPluginTest
class LevelsEventsTest {

    static final List<Programme.Level> LEVELS = List.of(new Programme.Level("NORMAL", "普通", "Standard", 0),
            new Programme.Level("SILVER", "银卡", "Silver", 100), new Programme.Level("GOLD", "金卡", "Gold", 500),
            new Programme.Level("DIAMOND", "钻石", "Diamond", 2000));

    @AfterEach
    void defaults(KehuTestHost kehu) {
        kehu.context().settings().putJson(Awards.PROGRAMME_KEY, Programme.defaults());
    }

    @Test
    void levelsRiseWithThePointsAtOnceAndFallOneStepANightAfterAWholeWindow(KehuTestHost kehu) {
        Programme programme = new Programme(BigDecimal.TEN, "DOWN", null, Map.of("GOLD", BigDecimal.valueOf(2)),
                null, 0L, 0L, 0L, 0L, 0, 0, 30, true).withLevels(LEVELS, 12);
        kehu.context().settings().putJson(Awards.PROGRAMME_KEY, programme);
        LocalDate today = LocalDate.now();
        long c = AwardsTest.customer(kehu, null);
        AwardsTest.purchase(kehu, c, "1000.00", today);
        assertThat(account(kehu, c).get("level")).isEqualTo("SILVER");
        AwardsTest.purchase(kehu, c, "5000.00", today);
        assertThat(account(kehu, c).get("level")).isEqualTo("GOLD");
        assertThat(Ledger.number(account(kehu, c).get("level_points"))).isEqualTo(600);
        // at 金卡 the level multiplier (×2) applies: ¥100 earns 20
        AwardsTest.purchase(kehu, c, "100.00", today);
        assertThat(new Ledger(kehu.context()).balance(c).available()).isEqualTo(100 + 500 + 20);

        Levels levels = new Levels(kehu.context());
        LocalDate later = today.plusMonths(13);
        // the points left the window, but a level falls only in the nightly run
        assertThat(levels.evaluate(programme, c, later, false)).isEmpty();
        assertThat(levels.evaluate(programme, c, later, true)).get().extracting(Levels.Change::to)
                .isEqualTo("SILVER");
        // one step per window: the same night (or a second node) changes nothing more
        assertThat(levels.evaluate(programme, c, later, true)).isEmpty();
        assertThat(levels.evaluate(programme, c, later.plusMonths(12), true)).get()
                .extracting(Levels.Change::to).isEqualTo("NORMAL");
        List<RecordData> history = kehu.context().records().search(Levels.CHANGE)
                .where("customer", FilterOperator.EQUALS, c).sortBy("id", false).list();
        assertThat(history).extracting(h -> h.get("to_level")).containsExactly("SILVER", "GOLD", "SILVER", "NORMAL");
        assertThat(history).extracting(h -> h.get("direction")).containsExactly("UP", "UP", "DOWN", "DOWN");
    }

    @Test
    void anAdminsEventRuleEarnsOncePerRecordWhenItsConditionHolds(KehuTestHost kehu) {
        kehu.context().settings().putJson(Awards.PROGRAMME_KEY, Programme.defaults().withEventRules(List.of(
                new Programme.EventRule("store_visit", "interaction", "customer", "record.channel == 'visit'", 5,
                        "到店拜访", "Store visit"),
                new Programme.EventRule("referral", Awards.REFERRAL, "referrer", "", 50, "推荐新客户",
                        "Referred a customer"))));
        long c = AwardsTest.customer(kehu, null);
        long friend = AwardsTest.customer(kehu, null);
        Ledger ledger = new Ledger(kehu.context());
        long visit = interaction(kehu, c, "visit");
        interaction(kehu, c, "phone"); // the condition does not hold: nothing
        assertThat(ledger.balance(c).available()).isEqualTo(5);
        // saving the same record again pays nothing more
        RecordData saved = kehu.context().records().get("interaction", visit).orElseThrow();
        kehu.context().records().update("interaction", visit, saved.rowVersion(), Map.of("summary", "再次到店"));
        assertThat(ledger.balance(c).available()).isEqualTo(5);
        kehu.context().records().create(Awards.REFERRAL, Map.of("referrer", c, "referred", friend));
        assertThat(ledger.balance(c).available()).isEqualTo(55);
        assertThat(AwardsTest.entries(kehu, c)).extracting(e -> e.get("idem_key")).contains(
                "event/interaction/" + visit + "|event-store_visit");
    }

    @Test
    void theLiabilityByMonthAddsUpTheLedger(KehuTestHost kehu) {
        Programme programme = Programme.defaults();
        long c = AwardsTest.customer(kehu, null);
        Ledger ledger = new Ledger(kehu.context());
        LocalDate jan = LocalDate.of(2019, 1, 10);
        ledger.post(Posting.earn(c, 1000, "purchase/liab-a-" + c, "base", jan));
        ledger.post(Posting.redeem(c, 300, "redemption/liab-" + c, jan.plusMonths(1), "礼品"));
        ledger.post(Posting.earn(c, 200, "purchase/liab-b-" + c, "base", jan.plusMonths(1)));
        Liability liability = new Liability(kehu.context());
        Liability.Figures feb = liability.figures(YearMonth.of(2019, 2));
        assertThat(feb.earned()).isGreaterThanOrEqualTo(200);
        assertThat(feb.redeemed()).isGreaterThanOrEqualTo(300);
        liability.refresh(programme, LocalDate.now());
        liability.refresh(programme, LocalDate.now()); // a re-run writes no second row per month
        List<RecordData> months = liability.months();
        assertThat(months).extracting(m -> m.get("month_key")).doesNotHaveDuplicates().contains("2019-01", "2019-02");
        // the last month's outstanding points are the sum of every entry; the value is points × ¥0.01
        BigDecimal all = kehu.context().records().aggregate(Ledger.ENTRY).where("occurred_on",
                FilterOperator.LESS_OR_EQUAL, YearMonth.now().atEndOfMonth()).sum("points").list().getFirst()
                .sum("points");
        RecordData last = months.stream().filter(m -> YearMonth.now().toString().equals(m.get("month_key")))
                .findFirst().orElseThrow();
        assertThat(Ledger.number(last.get("outstanding"))).isEqualTo(all.longValueExact());
        assertThat(((io.kehu.sdk.records.MoneyValue) last.get("liability")).amount())
                .isEqualByComparingTo(all.multiply(new BigDecimal("0.01")));
    }

    @Test
    void aDryRunOfTheProgrammeInForceEqualsTheRealRunAndAChangedOneShowsTheDifference(KehuTestHost kehu) {
        Programme programme = new Programme(new BigDecimal("10"), "HALF_UP", null, Map.of(), null, 50L, 0L, 0L, 0L,
                0, 0, 30, true);
        kehu.context().settings().putJson(Awards.PROGRAMME_KEY, programme);
        LocalDate day = LocalDate.of(2018, 5, 20); // a day no other test uses
        long a = AwardsTest.customer(kehu, null);
        long b = AwardsTest.customer(kehu, null);
        AwardsTest.purchase(kehu, a, "125.00", day);
        AwardsTest.purchase(kehu, a, "40.00", day);
        AwardsTest.purchase(kehu, b, "999.00", day);
        DryRun dryRun = new DryRun(kehu.context());
        DryRun.Result same = dryRun.replay(programme, day, day);
        assertThat(same.purchases()).isEqualTo(3);
        assertThat(same.pointsChanged()).isEqualTo(same.pointsNow()).isEqualTo(13 + 4 + 50 + 100 + 50);
        assertThat(same.customersAffected()).isZero();
        // 1 point per ¥5 instead of ¥10: the base points double, the first-purchase bonuses stay
        Programme richer = new Programme(new BigDecimal("5"), "HALF_UP", null, Map.of(), null, 50L, 0L, 0L, 0L, 0,
                0, 30, true);
        DryRun.Result more = dryRun.replay(richer, day, day);
        assertThat(more.extraPoints()).isEqualTo(13 + 4 + 100 - 1); // 25 + 8 + 200 = 233 against 117
        assertThat(more.customersAffected()).isEqualTo(2);
        assertThat(more.extraLiability()).isEqualByComparingTo(new BigDecimal("1.16"));
    }

    private static long interaction(KehuTestHost kehu, long customer, String channel) {
        return kehu.context().records().create("interaction", Map.of("customer", customer, "channel", channel,
                "occurred_at", LocalDateTime.now(), "summary", "会员活动")).id();
    }

    static RecordData account(KehuTestHost kehu, long customer) {
        return kehu.context().records().search(Ledger.ACCOUNT).where("customer", FilterOperator.EQUALS, customer)
                .list().getFirst();
    }
}
