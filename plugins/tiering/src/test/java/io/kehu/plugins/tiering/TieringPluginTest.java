package io.kehu.plugins.tiering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.jobs.JobStatus;
import io.kehu.sdk.records.BatchResult;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.MoneyValue;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.scripts.ScriptFunctions;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The tiering plugin against a whole Kehu (SDK testkit, H2): thresholds, RFM, rule schemes, period boundaries, apply
 * and its history and audit, idempotent re-apply, cancel, customers without purchases, the job and the rule
 * functions. The host is shared by the tests, so each test uses its own years and looks at its own customers.
 */
@KehuPluginTest
class TieringPluginTest {

    private static Period year(int y) {
        return Period.containing(PeriodKind.CALENDAR_YEAR, LocalDate.of(y, 6, 1));
    }

    private static long customer(PluginContext context, String name, String level) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", name);
        values.put("level", level);
        values.put("email", "tier" + System.nanoTime() + "@example.com");
        return context.records().create("customer", values).id();
    }

    private static void purchases(PluginContext context, long customer, String date, String amount, int times) {
        context.records().batch(b -> {
            for (int i = 0; i < times; i++) {
                b.create("purchase", Map.of("customer", customer, "purchased_on", date, "product", "服务套餐",
                        "quantity", 1L, "amount", new MoneyValue(new BigDecimal(amount), "CNY")));
            }
        });
    }

    private static Preview.Result result(Preview preview, long customer) {
        return preview.results().stream().filter(r -> r.metrics().customerId() == customer).findFirst()
                .orElseThrow();
    }

    private static List<RecordData> history(KehuTestHost kehu, long customer) {
        return kehu.recordsAs("admin").search(TieringForms.HISTORY)
                .where("customer", FilterOperator.EQUALS, customer).sortBy("id", false).list();
    }

    @Test
    void thresholdsMoveCustomersUpDownOrLeaveThemAndApplyWritesLevelHistoryAndAudit(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        long big = customer(context, "上海远航贸易", "NORMAL");
        long steady = customer(context, "杭州青山茶业", "NORMAL");
        long fading = customer(context, "广州南风电器", "KEY");
        long none = customer(context, "北京无购买", null);
        purchases(context, big, "2011-03-01", "20000", 6);
        purchases(context, steady, "2011-05-01", "300", 2);
        purchases(context, fading, "2011-12-31", "90000", 1);
        purchases(context, fading, "2012-01-01", "90000", 9);
        TieringService service = TieringService.of(context);

        Preview preview = service.evaluate(year(2011), Progress.NONE, () -> false);

        assertThat(result(preview, big).newLevel()).isEqualTo("KEY");
        assertThat(result(preview, big).movement()).isEqualTo(Movement.UP);
        assertThat(result(preview, big).metrics().totalSpend()).isEqualByComparingTo("120000");
        assertThat(result(preview, big).metrics().purchaseCount()).isEqualTo(6);
        assertThat(result(preview, big).metrics().recencyDays()).isEqualTo(305L);
        assertThat(result(preview, steady).movement()).isEqualTo(Movement.STAY);
        assertThat(result(preview, fading).newLevel()).isEqualTo("POTENTIAL");
        assertThat(result(preview, fading).movement()).isEqualTo(Movement.DOWN);
        assertThat(result(preview, fading).metrics().recencyDays()).isZero();
        Preview.Result nothing = result(preview, none);
        assertThat(nothing.newLevel()).isEqualTo("POTENTIAL");
        assertThat(nothing.movement()).isEqualTo(Movement.NEW);
        assertThat(nothing.metrics().purchaseCount()).isZero();
        assertThat(nothing.metrics().recencyDays()).isNull();
        assertThat(nothing.metrics().avgOrderValue()).isNull();
        assertThat(nothing.metrics().rfmScore()).isZero();
        assertThat(preview.perMovement().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(preview.results().size());
        assertThat(kehu.context().records().get("customer", big).orElseThrow().get("level")).isEqualTo("NORMAL");

        BatchResult applied = service.apply(preview, "admin", Progress.NONE, () -> false);

        assertThat(applied.updated()).isEqualTo(preview.changes());
        assertThat(kehu.recordsAs("admin").get("customer", big).orElseThrow().get("level")).isEqualTo("KEY");
        assertThat(kehu.recordsAs("admin").get("customer", fading).orElseThrow().get("level")).isEqualTo("POTENTIAL");
        assertThat(history(kehu, big)).singleElement().satisfies(h -> {
            assertThat(h.get("period")).isEqualTo("2011");
            assertThat(h.get("old_level")).isEqualTo("NORMAL");
            assertThat(h.get("new_level")).isEqualTo("KEY");
            assertThat(h.get("movement")).isEqualTo("UP");
            assertThat(h.get("applied_by")).isEqualTo("admin");
            // what the generic list shows instead of the sign-in code: a labelled choice and the person
            assertThat(h.get("run_kind")).isEqualTo("manual");
            assertThat(((Number) h.get("executor")).longValue())
                    .isEqualTo(kehu.context().users().byUsername("admin").orElseThrow().id());
            assertThat((String) h.get("metrics")).contains("\"total_spend\":120000").contains("\"purchase_count\":6");
        });
        assertThat(history(kehu, steady)).isEmpty();
        assertThat(history(kehu, none)).singleElement().satisfies(h -> assertThat(h.get("movement")).isEqualTo("NEW"));
    }

    @Test
    void periodBoundariesCountOnlyPurchasesInsideThePeriod(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        long c = customer(context, "边界客户", null);
        purchases(context, c, "2012-12-31", "1", 1);
        purchases(context, c, "2013-01-01", "10", 1);
        purchases(context, c, "2013-09-30", "100", 1);
        purchases(context, c, "2013-10-01", "1000", 1);
        purchases(context, c, "2013-12-31", "10000", 1);
        purchases(context, c, "2014-01-01", "100000", 1);
        TieringService service = TieringService.of(context);
        assertThat(result(service.evaluate(year(2013), Progress.NONE, () -> false), c).metrics().totalSpend())
                .isEqualByComparingTo("11110");
        Period q4 = Period.containing(PeriodKind.QUARTER, LocalDate.of(2013, 11, 5));
        assertThat(result(service.evaluate(q4, Progress.NONE, () -> false), c).metrics().totalSpend())
                .isEqualByComparingTo("11000");
        Period q3 = Period.lastCompleted(PeriodKind.QUARTER, LocalDate.of(2013, 10, 1));
        assertThat(q3.key()).isEqualTo("2013-Q3");
        assertThat(result(service.evaluate(q3, Progress.NONE, () -> false), c).metrics().totalSpend())
                .isEqualByComparingTo("100");
        Period rolling = Period.lastCompleted(PeriodKind.ROLLING_12_MONTHS, LocalDate.of(2014, 1, 15));
        assertThat(rolling.from()).isEqualTo(LocalDate.of(2013, 1, 1));
        assertThat(result(service.evaluate(rolling, Progress.NONE, () -> false), c).metrics().purchaseCount())
                .isEqualTo(4);
    }

    @Test
    void rfmQuintilesRankTheCustomersWhoBought(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            long c = customer(context, "RFM 客户 " + i, "POTENTIAL");
            purchases(context, c, "2015-0" + i + "-10", Integer.toString(i * 1000), i);
            ids.add(c);
        }
        TieringSettings settings = new TieringSettings(context);
        try {
            List<TierScheme> schemes = new ArrayList<>(Schemes.defaults());
            schemes.add(new TierScheme("rfm_three", io.kehu.sdk.LocalText.of("RFM 三级", "RFM three tiers"),
                    Schemes.defaults().get(0).levels(),
                    Map.of("KEY", List.of(new Criterion("rfm_score", ">=", "13")),
                            "NORMAL", List.of(new Criterion("r_score", ">=", "3"))), null, "level"));
            settings.saveSchemes(schemes);
            settings.activate("rfm_three");
            Preview preview = TieringService.of(context).evaluate(year(2015), Progress.NONE, () -> false);
            CustomerMetrics best = result(preview, ids.get(4)).metrics();
            assertThat(best.rScore()).isEqualTo(5);
            assertThat(best.fScore()).isEqualTo(5);
            assertThat(best.mScore()).isEqualTo(5);
            assertThat(result(preview, ids.get(4)).newLevel()).isEqualTo("KEY");
            assertThat(result(preview, ids.get(2)).newLevel()).isEqualTo("NORMAL");
            assertThat(result(preview, ids.get(0)).metrics().rfmScore()).isEqualTo(3);
            assertThat(result(preview, ids.get(0)).newLevel()).isEqualTo("POTENTIAL");
        } finally {
            settings.activate(Schemes.THREE_TIER);
        }
    }

    @Test
    void ruleSchemesAskTheGroovySandboxAndRefuseUnknownLevels(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        long c = customer(context, "规则客户", null);
        purchases(context, c, "2016-02-02", "1500", 1);
        TieringSettings settings = new TieringSettings(context);
        List<TierScheme> schemes = new ArrayList<>(Schemes.defaults());
        schemes.add(new TierScheme("by_rule", io.kehu.sdk.LocalText.of("规则", "By rule"),
                Schemes.defaults().get(0).levels(), Map.of(),
                "record.total_spend >= 1000 ? 'KEY' : (record.purchase_count > 0 ? 'NORMAL' : 'POTENTIAL')", null));
        schemes.add(new TierScheme("bad_rule", io.kehu.sdk.LocalText.of("坏规则", "Bad rule"),
                Schemes.defaults().get(0).levels(), Map.of(), "'GOLD'", null));
        settings.saveSchemes(schemes);
        try {
            settings.activate("by_rule");
            Preview preview = TieringService.of(context).evaluate(year(2016), Progress.NONE, () -> false);
            assertThat(result(preview, c).newLevel()).isEqualTo("KEY");
            settings.activate("bad_rule");
            assertThatThrownBy(() -> TieringService.of(context).evaluate(year(2016), Progress.NONE, () -> false))
                    .hasMessageContaining("returned 'GOLD'").hasMessageContaining("[KEY, NORMAL, POTENTIAL]");
            settings.activate(Schemes.STARS);
            assertThatThrownBy(() -> TieringService.of(context).evaluate(year(2016), Progress.NONE, () -> false))
                    .hasMessageContaining("STAR_5").hasMessageContaining("options");
        } finally {
            settings.activate(Schemes.THREE_TIER);
        }
    }

    @Test
    void reApplyingThePeriodWritesNothingMore(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        long c = customer(context, "重复应用", "POTENTIAL");
        purchases(context, c, "2017-07-07", "50", 3);
        TieringService service = TieringService.of(context);
        service.apply(service.evaluate(year(2017), Progress.NONE, () -> false), "admin", Progress.NONE, () -> false);
        assertThat(history(kehu, c)).hasSize(1);
        RecordData after = context.records().get("customer", c).orElseThrow();

        Preview again = service.evaluate(year(2017), Progress.NONE, () -> false);
        assertThat(again.changes()).isZero();
        BatchResult second = service.apply(again, "admin", Progress.NONE, () -> false);

        assertThat(second.updated()).isZero();
        assertThat(second.created()).isZero();
        assertThat(history(kehu, c)).hasSize(1);
        assertThat(context.records().get("customer", c).orElseThrow().rowVersion()).isEqualTo(after.rowVersion());
    }

    @Test
    void cancellingMidApplyLeavesNothingHalfApplied(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long c = customer(context, "取消 " + i, "POTENTIAL");
            purchases(context, c, "2018-03-0" + (i + 1), "200000", 8);
            ids.add(c);
        }
        TieringService service = TieringService.of(context);
        Preview preview = service.evaluate(year(2018), Progress.NONE, () -> false);
        AtomicLong progressed = new AtomicLong();
        assertThatThrownBy(() -> service.apply(preview, "admin", (done, total, note) -> progressed.set(done),
                () -> progressed.get() > 0))
                .isInstanceOf(EvaluationCancelledException.class);
        assertThat(progressed.get()).isPositive();
        for (long id : ids) {
            assertThat(context.records().get("customer", id).orElseThrow().get("level")).isEqualTo("POTENTIAL");
            assertThat(history(kehu, id)).isEmpty();
        }
        assertThatThrownBy(() -> service.evaluate(year(2018), Progress.NONE, () -> true))
                .isInstanceOf(EvaluationCancelledException.class);
        service.apply(preview, "admin", Progress.NONE, () -> false);
        assertThat(context.records().get("customer", ids.get(0)).orElseThrow().get("level")).isEqualTo("KEY");
    }

    @Test
    void theScheduledJobAppliesTheLastPeriodOnce(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        Period last = Period.lastCompleted(PeriodKind.CALENDAR_YEAR, LocalDate.now());
        long c = customer(context, "定时任务客户", "NORMAL");
        purchases(context, c, last.to().toString(), "500000", 7);

        JobStatus first = kehu.runJob(TieringJob.ID);
        assertThat(first.lastResult()).isEqualTo("ok");
        assertThat(first.note()).contains("applied three_tier@" + last.key());
        assertThat(context.records().get("customer", c).orElseThrow().get("level")).isEqualTo("KEY");
        assertThat(history(kehu, c)).singleElement()
                .satisfies(h -> {
                    assertThat(h.get("applied_by")).isEqualTo("plugin:tiering");
                    assertThat(h.get("run_kind")).isEqualTo("scheduled");
                    assertThat(h.get("executor")).isNull();
                });

        JobStatus second = kehu.runJob(TieringJob.ID);
        assertThat(second.note()).contains("already applied");
        assertThat(history(kehu, c)).hasSize(1);
    }

    @Test
    void entitlementsAreOfferedToRules(KehuTestHost kehu) throws Exception {
        ScriptFunctions functions = kehu.extension(ScriptFunctions.class, TieringFunctions.class);
        assertThat(functions.name()).isEqualTo("tier");
        Object tier = functions.functions();
        var entitlement = tier.getClass().getMethod("entitlement", String.class, String.class);
        assertThat(entitlement.invoke(tier, "KEY", "visitsPerYear")).isEqualTo("12");
        assertThat(entitlement.invoke(tier, "GOLD", "visitsPerYear")).isEqualTo("");
        TieringSettings settings = new TieringSettings(kehu.context());
        Map<String, Map<String, String>> changed = settings.entitlements();
        changed.get("KEY").put("visitsPerYear", "24");
        settings.saveEntitlements(changed);
        try {
            assertThat(entitlement.invoke(tier, "KEY", "visitsPerYear")).isEqualTo("24");
        } finally {
            kehu.context().settings().put(TieringSettings.ENTITLEMENTS, null);
        }
    }

    @Test
    void schemesRoundTripThroughTheSdkJsonAndBadJsonSaysWhere(KehuTestHost kehu) {
        var json = kehu.context().json();
        List<TierScheme> defaults = Schemes.defaults();
        assertThat(Schemes.fromJson(json, Schemes.toJson(json, defaults))).isEqualTo(defaults);
        assertThat(defaults.get(1).levels()).hasSize(5);
        assertThatThrownBy(() -> Schemes.fromJson(json, "[{\"id\": \"x\", \"levels\": [}]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1, column");
        assertThatThrownBy(() -> Schemes.fromJson(json, "[{\"id\": \"x\", \"levels\": [{\"code\": \"A\","
                + " \"zh\": \"甲\", \"en\": \"A\", \"colour\": \"red\"}]}]")).hasMessageContaining("#rrggbb");
        assertThatThrownBy(() -> Schemes.fromJson(json, "[{\"id\": \"x\", \"levels\": [{\"zh\": \"甲\"}]}]"))
                .hasMessageContaining("'code' of a level of x is missing");
        assertThatThrownBy(() -> Schemes.fromJson(json, "[{\"id\": \"x\", \"levles\": []}]"))
                .hasMessageContaining("levles").hasMessageContaining("$[0]");
    }

    @Test
    void schemesStoredByEarlierVersionsStillRead(KehuTestHost kehu) {
        // Written by the hand-made JSON writer of tiering 1.0.0: compact, criteria values as numbers or strings.
        String stored = "[{\"id\":\"old\",\"name\":{\"zh\":\"旧\",\"en\":\"Old\"},\"field\":\"level\","
                + "\"levels\":[{\"code\":\"KEY\",\"zh\":\"大客户\",\"en\":\"Key\",\"colour\":\"#c0392b\","
                + "\"criteria\":[{\"metric\":\"total_spend\",\"op\":\">=\",\"value\":100000}]},"
                + "{\"code\":\"NORMAL\",\"zh\":\"一般\",\"en\":\"Normal\",\"colour\":\"#2980b9\"}]}]";
        PluginContext context = kehu.context();
        context.settings().put(Schemes.SETTING, stored);
        try {
            TierScheme old = new TieringSettings(context).schemes().get(0);
            assertThat(old.id()).isEqualTo("old");
            assertThat(old.criteria().get("KEY")).containsExactly(new Criterion("total_spend", ">=", "100000"));
            assertThat(old.levels()).hasSize(2);
        } finally {
            context.settings().put(Schemes.SETTING, null);
        }
    }
}
