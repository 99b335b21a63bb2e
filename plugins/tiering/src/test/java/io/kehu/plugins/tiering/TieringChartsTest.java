package io.kehu.plugins.tiering;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.forms.FieldInfo;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.MoneyValue;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.KehuUi;
import io.kehu.sdk.ui.ChartSpec;
import io.kehu.sdk.ui.RecordPanel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The charts of issue #16 and the labelled {@code tier_history} fields: the dry run's movement chart (current level →
 * proposed level), a customer's level per period on the tier tab, and labels instead of codes in the generic list's
 * fields. The host is shared, so each test uses its own years and checks its own customers.
 */
@KehuPluginTest
class TieringChartsTest {

    private static Period year(int y) {
        return Period.containing(PeriodKind.CALENDAR_YEAR, LocalDate.of(y, 6, 1));
    }

    private static long customer(PluginContext context, String name, String level) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", name);
        values.put("level", level);
        values.put("email", "chart" + System.nanoTime() + "@example.com");
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

    @Test
    void theDryRunChartCountsEveryCustomerFromTheirLevelToTheProposedOne(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        long up = customer(context, "图表升级客户", "NORMAL");
        customer(context, "图表新客户", null);
        purchases(context, up, "2003-04-01", "20000", 6);
        Preview preview = TieringService.of(context).evaluate(year(2003), Progress.NONE, () -> false);
        // the expected counts, recounted from the verdicts themselves
        Map<String, Long> expected = new HashMap<>();
        preview.results().forEach(r -> expected.merge((preview.scheme().rank(r.metrics().currentLevel()) < 0 ? "none"
                : r.metrics().currentLevel()) + ">" + r.newLevel(), 1L, Long::sum));

        try (KehuUi ui = kehu.ui("admin")) {
            PreviewGrid grid = new PreviewGrid(context, Locale.ENGLISH);
            ChartSpec chart = grid.movementChart(preview);
            assertThat(chart.kind()).isEqualTo(ChartSpec.Kind.BAR);
            assertThat(chart.labels()).containsExactly("Key customer", "Normal customer", "Potential customer",
                    "No level yet");
            assertThat(chart.series()).extracting(ChartSpec.Series::label)
                    .containsExactly("To Key customer", "To Normal customer", "To Potential customer");
            assertThat(chart.series()).extracting(s -> s.colours())
                    .containsExactly(List.of("#c0392b"), List.of("#2980b9"), List.of("#7f8c8d"));
            List<String> from = List.of("KEY", "NORMAL", "POTENTIAL", "none");
            List<String> to = List.of("KEY", "NORMAL", "POTENTIAL");
            long total = 0;
            for (int s = 0; s < to.size(); s++) {
                for (int l = 0; l < from.size(); l++) {
                    long n = chart.series().get(s).values().get(l).longValue();
                    assertThat(n).as(from.get(l) + " → " + to.get(s))
                            .isEqualTo(expected.getOrDefault(from.get(l) + ">" + to.get(s), 0L));
                    total += n;
                }
            }
            assertThat(total).isEqualTo(preview.size());
            assertThat(chart.series().get(0).values().get(1).longValue()).isPositive(); // our NORMAL → KEY
            assertThat(chart.series().get(2).values().get(3).longValue()).isPositive(); // no level → potential

            grid.show(preview);
            String shown = grid.getElement().getTextRecursively();
            assertThat(shown).contains("Where customers move: current level → proposed level.")
                    .contains("To Key customer: Key customer ").contains("No level yet ");
        }
        try (KehuUi ui = kehu.ui("admin", Locale.SIMPLIFIED_CHINESE)) {
            ChartSpec zh = new PreviewGrid(context, Locale.SIMPLIFIED_CHINESE).movementChart(preview);
            assertThat(zh.title()).isEqualTo("客户等级去向：当前等级 → 建议等级");
            assertThat(zh.labels()).containsExactly("大客户", "一般客户", "潜在客户", "尚未定级");
            assertThat(zh.series()).extracting(ChartSpec.Series::label)
                    .containsExactly("调整为大客户", "调整为一般客户", "调整为潜在客户");
        }
    }

    @Test
    void theTierTabDrawsTheLevelPerPeriodAndHistoryRowsCarryLabelledChoices(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        long id = customer(context, "等级曲线客户", null);
        purchases(context, id, "2004-03-01", "500", 2);
        purchases(context, id, "2005-03-01", "30000", 6);
        TieringService service = TieringService.of(context);
        service.apply(service.evaluate(year(2004), Progress.NONE, () -> false), "admin", Progress.NONE, () -> false);
        service.apply(service.evaluate(year(2005), Progress.NONE, () -> false), "admin", Progress.NONE, () -> false);

        RecordPanel panel = kehu.extension(RecordPanel.class, TierHistoryPanel.class);
        try (KehuUi ui = kehu.ui("manager")) {
            Component tab = kehu.callAsUser("manager", () -> panel.create(context, id));
            assertThat(tab.getElement().getTextRecursively()).contains("Level per period. Level (3 = Key customer, "
                    + "2 = Normal customer, 1 = Potential customer): 2004 2, 2005 3.");
        }
        try (KehuUi ui = kehu.ui("manager", Locale.SIMPLIFIED_CHINESE)) {
            Component tab = kehu.callAsUser("manager", () -> panel.create(context, id));
            assertThat(tab.getElement().getTextRecursively())
                    .contains("各周期等级. 等级（3 = 大客户，2 = 一般客户，1 = 潜在客户）: 2004 2, 2005 3.");
        }

        // The generic list shows the labelled select fields and plain values; the codes are not in the list.
        List<RecordData> rows = kehu.recordsAs("admin").search(TieringForms.HISTORY)
                .where("customer", FilterOperator.EQUALS, id).sortBy("id", false).list();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("tier_scheme")).isEqualTo("three_tier");
        assertThat(rows.get(0).get("from_tier")).isNull();
        assertThat(rows.get(0).get("to_tier")).isEqualTo("NORMAL");
        assertThat(rows.get(1).get("from_tier")).isEqualTo("NORMAL");
        assertThat(rows.get(1).get("to_tier")).isEqualTo("KEY");
        assertThat(rows.get(1).get("purchase_count")).isEqualTo(6L);
        assertThat(((MoneyValue) rows.get(1).get("total_spend")).amount()).isEqualByComparingTo("180000");
        var form = context.definitions().form(TieringForms.HISTORY).orElseThrow();
        Map<String, FieldInfo> fields = new LinkedHashMap<>();
        form.fields().forEach(f -> fields.put(f.id(), f));
        assertThat(fields.get("to_tier").type()).isEqualTo("select");
        assertThat(fields.get("to_tier").options()).contains("KEY", "NORMAL", "POTENTIAL", "STAR_5", "STAR_1");
        assertThat(fields.get("tier_scheme").options()).contains("three_tier", "stars");

        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            try (KehuUi ui = kehu.ui("admin", locale)) {
                ui.navigate("forms/" + TieringForms.HISTORY);
                @SuppressWarnings("unchecked")
                Grid<Object> list = _get(Grid.class, spec -> spec.withId("record-grid"));
                List<String> ours = IntStream.range(0, GridKt._size(list))
                        .mapToObj(i -> String.join(" | ", GridKt._getFormattedRow(list, i)))
                        .filter(row -> row.contains("等级曲线客户")).toList();
                boolean en = locale == Locale.ENGLISH;
                assertThat(ours).hasSize(2).allSatisfy(row -> assertThat(row)
                        .contains(en ? "Three tiers" : "三级分类").contains(en ? "Normal customer" : "一般客户")
                        .doesNotContain("three_tier").doesNotContain("NORMAL").doesNotContain("POTENTIAL")
                        .doesNotContain("KEY").doesNotContain("{"));
                assertThat(ours).anySatisfy(row -> assertThat(row).contains(en ? "Key customer" : "大客户"));
            }
        }
    }

    @Test
    void levelsAnAdminDefinesBecomeLabelledOptionsAndPublishedOnesAreKept(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        TieringSettings settings = new TieringSettings(context);
        List<TierScheme> schemes = new java.util.ArrayList<>(Schemes.defaults());
        schemes.add(new TierScheme("gold", io.kehu.sdk.LocalText.of("金银分级", "Gold and silver"), List.of(
                new TierLevel("GOLD", io.kehu.sdk.LocalText.of("金牌客户", "Gold customer"), "#d4ac0d"),
                new TierLevel("SILVER", io.kehu.sdk.LocalText.of("银牌客户", "Silver customer"), "#95a5a6")),
                Map.of(), null, "level"));
        settings.saveSchemes(schemes);
        try {
            String shipped = io.kehu.sdk.forms.DefinitionText.fromResource(TieringForms.class,
                    "forms/tier_history.json").json();
            Map<String, Object> definition = context.json().read(new TieringForms(context).withChoices(shipped),
                    new io.kehu.sdk.json.JsonType<Map<String, Object>>() { });
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> fields = (List<Map<String, Object>>) definition.get("fields");
            Map<String, Object> toTier = fields.stream().filter(f -> f.get("id").equals("to_tier")).findFirst()
                    .orElseThrow();
            Map<String, Object> scheme = fields.stream().filter(f -> f.get("id").equals("tier_scheme")).findFirst()
                    .orElseThrow();
            assertThat(toTier.get("options")).asList()
                    .contains(Map.of("value", "GOLD", "label", Map.of("zh", "金牌客户", "en", "Gold customer")))
                    .contains(Map.of("value", "KEY", "label", Map.of("zh", "大客户", "en", "Key customer")))
                    .contains(Map.of("value", "STAR_1", "label", Map.of("zh", "1 星", "en", "1 stars")));
            assertThat(scheme.get("options")).asList()
                    .contains(Map.of("value", "gold", "label", Map.of("zh", "金银分级", "en", "Gold and silver")));
        } finally {
            settings.saveSchemes(Schemes.defaults());
        }
        // with the admin's levels gone again, the published options (here the shipped ones) are all still offered
        String again = new TieringForms(context).withChoices(io.kehu.sdk.forms.DefinitionText.fromResource(
                TieringForms.class, "forms/tier_history.json").json());
        assertThat(again).contains("\"POTENTIAL\"").contains("\"STAR_3\"").doesNotContain("GOLD");
    }
}
