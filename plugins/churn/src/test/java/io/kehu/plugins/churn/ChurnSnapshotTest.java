package io.kehu.plugins.churn;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.Measure;
import io.kehu.sdk.records.MoneyValue;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.KehuUi;
import io.kehu.sdk.testkit.PluginUnderTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Training without leakage (testkit, H2): a lost customer's features are computed as of the cut-off and ignore
 * everything after it; customers not yet buying at the cut-off, or already lost by then, are not examples; and on a
 * history where lost customers slowed down and complained before leaving, the honest AUC is measured next to the
 * flattering one of training on today's features. Its own Kehu (the testkit shares one between test classes, and
 * the AUC figures must not depend on the other classes' customers).
 */
class ChurnSnapshotTest {

    static final LocalDate TODAY = LocalDate.now();
    static KehuTestHost kehu;

    @BeforeAll
    static void start() {
        kehu = KehuTestHost.builder().plugin(PluginUnderTest.fromBuild()).property("logging.level.root", "warn")
                .start();
    }

    @AfterAll
    static void stop() {
        kehu.close();
    }

    static long customer(PluginContext context, String name) {
        return context.records().create("customer", Map.of("name", name,
                "email", "snapshot" + System.nanoTime() + "@example.com")).id();
    }

    /** One purchase on each of the given days ago. */
    static void bought(PluginContext context, long customer, List<Integer> daysAgo) {
        context.records().batch(b -> {
            for (int d : daysAgo) {
                b.create("purchase", Map.of("customer", customer, "purchased_on", TODAY.minusDays(d),
                        "product", "年度维保", "quantity", 1L, "amount", new MoneyValue(new BigDecimal("800"), "CNY")));
            }
        });
    }

    static void complained(PluginContext context, long customer, int daysAgo) {
        context.records().create("feedback", Map.of("customer", customer, "feedback_type", "complaint",
                "severity", "high", "description", "维修不及时", "received_at", OffsetDateTime.now().minusDays(daysAgo)));
    }

    static void markLost(PluginContext context, long customer) {
        RecordData c = context.records().get("customer", customer).orElseThrow();
        context.records().update("customer", customer, c.rowVersion(), Map.of("lifecycle_stage", "lost"));
    }

    /** Dates the customer's (open) churn case: lost that many days ago. */
    static void lostOn(PluginContext context, long customer, int daysAgo) {
        RecordData churnCase = context.records().search(ChurnForms.CASE)
                .where("customer", FilterOperator.EQUALS, customer).list().getFirst();
        context.records().update(ChurnForms.CASE, churnCase.id(), churnCase.rowVersion(),
                Map.of("lost_on", TODAY.minusDays(daysAgo)));
    }

    static List<Integer> every(int fromDaysAgo, int toDaysAgo, int step) {
        List<Integer> days = new java.util.ArrayList<>();
        for (int d = fromDaysAgo; d >= toDaysAgo; d -= step) {
            days.add(d);
        }
        return days;
    }

    @Test
    void eachLeaversFeaturesIgnoreEverythingAfterTheirOwnCutOff() {
        PluginContext context = kehu.context();
        LocalDate cutoff = TrainingSnapshot.cutoff(TODAY, 180);
        // monthly from 400 to 190 days ago, one last purchase 100 days ago; complaints 200 and 30 days ago; lost
        long lost = customer(context, "截止后才停止购买的客户");
        bought(context, lost, every(400, 190, 30));
        bought(context, lost, List.of(100));
        complained(context, lost, 200);
        complained(context, lost, 30);
        markLost(context, lost);
        long newcomer = customer(context, "截止后才首次购买的客户");
        bought(context, newcomer, List.of(90, 60, 30));
        // lost 300 days ago (its case says so): its own cut-off is 300 + 180 = 480 days ago
        long goneBefore = customer(context, "截止前已流失的客户");
        bought(context, goneBefore, every(700, 400, 30));
        complained(context, goneBefore, 500);
        complained(context, goneBefore, 470);
        markLost(context, goneBefore);
        lostOn(context, goneBefore, 300);
        // lost 400 days ago and won back since: stays now, but was not a customer at the cut-off
        long wonBack = customer(context, "已挽回的客户");
        bought(context, wonBack, every(700, 10, 30));
        markLost(context, wonBack);
        lostOn(context, wonBack, 400);
        RecordData back = context.records().get("customer", wonBack).orElseThrow();
        context.records().update("customer", wonBack, back.rowVersion(), Map.of("lifecycle_stage", "active"));

        FeatureTable table = TrainingSnapshot.build(context, cutoff, 180, List.of("level", "lifecycle_stage"),
                "lifecycle_stage=lost", Progress.NONE, () -> false);
        assertThat(table.fieldIds).as("the label field is never an input").containsExactly("level");
        int row = table.indexOf(lost);
        // as of the cut-off: last purchase 190 days ago = 10 days before it; 8 purchases (400, 370, … 190)
        assertThat(table.get(row, "recency_days")).isEqualTo(10);
        assertThat(table.get(row, "purchase_count")).isEqualTo(8);
        assertThat(table.get(row, "tenure_days")).isEqualTo(220);
        assertThat(table.get(row, "usual_interval_days")).isEqualTo(30);
        assertThat(table.get(row, "purchases_90d")).isEqualTo(3);
        assertThat(table.get(row, "complaints_90d")).as("the complaint 30 days ago is after the cut-off").isEqualTo(1);
        assertThat(table.labels[row]).isEqualTo((byte) 1);
        assertThat(table.isExcluded(row)).isFalse();
        assertThat(table.isExcluded(table.indexOf(newcomer))).as("no purchase by the cut-off").isTrue();
        // a leaver's features are as of their own loss date − 180 days, whatever happened after
        int gone = table.indexOf(goneBefore);
        assertThat(table.isExcluded(gone)).as("a leaver is an example as of their own cut-off").isFalse();
        assertThat(table.labels[gone]).isEqualTo((byte) 1);
        assertThat(table.get(gone, "recency_days")).as("last purchase 490 days ago, 10 before their cut-off")
                .isEqualTo(10);
        assertThat(table.get(gone, "purchase_count")).as("the purchases 460, 430 and 400 days ago are later")
                .isEqualTo(8);
        assertThat(table.get(gone, "tenure_days")).isEqualTo(220);
        assertThat(table.get(gone, "purchases_90d")).isEqualTo(3);
        assertThat(table.get(gone, "complaints_90d")).as("the complaint 470 days ago is after their cut-off")
                .isEqualTo(1);
        assertThat(table.isExcluded(table.indexOf(wonBack))).as("lost before the cut-off, back since").isTrue();

        // the SDK's named measures with their own filters: several windows of one form in one pass
        io.kehu.sdk.records.AggregateRow windows = context.records().aggregate("purchase")
                .where("customer", FilterOperator.EQUALS, lost).groupBy("customer").count()
                .measure(Measure.count("recent").where("purchased_on", FilterOperator.GREATER_OR_EQUAL,
                        TODAY.minusDays(150)))
                .measure(Measure.sum("old_spend", "amount").where("purchased_on", FilterOperator.LESS,
                        TODAY.minusDays(300)))
                .measure(Measure.max("later", "purchased_on").where("purchased_on", FilterOperator.GREATER, TODAY))
                .list().getFirst();
        assertThat(windows.count()).isEqualTo(9);
        assertThat(windows.count("recent")).as("only the purchase 100 days ago").isEqualTo(1);
        assertThat((BigDecimal) windows.measure("old_spend")).as("400, 370, 340 and 310 days ago")
                .isEqualByComparingTo("3200");
        assertThat(windows.measure("later")).as("no record matches: null, the group is still there").isNull();
        assertThatThrownBy(() -> Measure.count("count")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> context.records().aggregate("purchase").measure(Measure.count("n"))
                .measure(Measure.sum("n", "amount"))).isInstanceOf(RecordException.class)
                .hasMessageContaining("Two measures are named n");

        // today's features (what training used before) see the purchase and complaint after the cut-off
        FeatureTable today = new FeatureExtractor(context).extract(TODAY, List.of(), "lifecycle_stage=lost",
                Progress.NONE, () -> false);
        assertThat(today.get(today.indexOf(lost), "recency_days")).isEqualTo(100);
        assertThat(today.get(today.indexOf(lost), "purchase_count")).isEqualTo(9);
        assertThat(today.get(today.indexOf(lost), "complaints_90d")).isEqualTo(1);
    }

    @Test
    void learnsWhatWasVisibleBeforeCustomersLeftAndReportsTheHonestAuc() {
        PluginContext context = kehu.context();
        Random random = new Random(11);
        for (int i = 0; i < 160; i++) {
            boolean leaves = i % 4 == 0;
            long id = customer(context, (leaves ? "流失" : "留存") + i);
            int step = 25 + random.nextInt(15);
            // everyone bought regularly for the first year; leavers then slowed down, some complained, and stopped
            List<Integer> days = new java.util.ArrayList<>(every(730, 400, step));
            if (leaves) {
                int stop = 120 + random.nextInt(150);
                days.addAll(every(400 - step * 2, stop, step * (2 + random.nextInt(2))));
                if (random.nextDouble() < 0.6) {
                    complained(context, id, 190 + random.nextInt(80));
                }
            } else {
                boolean wobbles = random.nextDouble() < 0.2; // some who stay also slow down or complain
                days.addAll(every(400 - step, random.nextInt(20), wobbles ? step * 2 : step));
                if (wobbles && random.nextBoolean()) {
                    complained(context, id, 190 + random.nextInt(80));
                }
            }
            bought(context, id, days);
            if (leaves) {
                markLost(context, id);
            }
        }
        ChurnService service = new ChurnService(context);
        context.settings().put(ChurnSettings.HORIZON, "0");
        ChurnModel leaky = service.train(TODAY, ChurnModel.LOGISTIC, 42, Progress.NONE, () -> false);
        context.settings().put(ChurnSettings.HORIZON, "180");
        ChurnModel honest = service.train(TODAY, ChurnModel.LOGISTIC, 42, Progress.NONE, () -> false);
        ChurnModel card = service.train(TODAY, ChurnModel.SCORECARD, 42, Progress.NONE, () -> false);
        System.out.printf("Synthetic history, 160 customers (40 left): AUC on today's features %.3f (leaky), "
                        + "as of %s: logistic %.3f, scorecard %.3f%n", leaky.evaluation().auc(), honest.cutoff(),
                honest.evaluation().auc(), card.evaluation().auc());
        assertThat(leaky.cutoff()).isEqualTo(TODAY.toString());
        assertThat(honest.cutoff()).isEqualTo(TODAY.minusDays(180).toString());
        // today's features give the leavers away: they stopped buying months ago
        assertThat(leaky.evaluation().auc()).isGreaterThan(0.97);
        // as of the cut-off the slowing down and the complaints are still visible, the stopping is not
        assertThat(honest.evaluation().auc()).isBetween(0.7, leaky.evaluation().auc());
        assertThat(card.evaluation().auc()).isGreaterThan(0.7);
        assertThat(card.scorecard().variables()).isNotEmpty();
        // the stored version reads back with its card and cut-off
        ChurnModel stored = new ChurnSettings(context).model(card.version()).orElseThrow();
        assertThat(stored.cutoff()).isEqualTo(card.cutoff());
        assertThat(stored.scorecard().basePoints()).isEqualTo(card.scorecard().basePoints());

        // the model page in Chinese: other plugins' features, label and features with their IV, the scorecard
        long lostCount = context.records().aggregate("customer").where("lifecycle_stage", FilterOperator.EQUALS, "lost")
                .count().list().getFirst().count();
        try (KehuUi ui = kehu.ui("admin", Locale.SIMPLIFIED_CHINESE)) {
            ui.navigate("apps/churn/" + ModelView.PATH);
            assertThat(_get(Div.class, spec -> spec.withId("churn-sources")).getElement().getTextRecursively())
                    .contains("满意度调查（满意度、满意度下降、NPS）：未安装，该特征不使用");
            Select<String> labelField = _get(Select.class, spec -> spec.withId("churn-label-field"));
            assertThat(labelField.getValue()).isEqualTo("lifecycle_stage");
            assertThat(labelField.getItemLabelGenerator().apply("lifecycle_stage")).isEqualTo("生命周期阶段");
            Select<String> labelValue = _get(Select.class, spec -> spec.withId("churn-label-value"));
            assertThat(labelValue.getValue()).isEqualTo("lost");
            assertThat(labelValue.getItemLabelGenerator().apply("lost")).isEqualTo("已流失（" + lostCount + " 位客户）");
            CheckboxGroup<String> features = _get(CheckboxGroup.class, spec -> spec.withId("churn-features"));
            assertThat(features.getListDataView().getItems().toList()).contains("level", "region")
                    .doesNotContain("lifecycle_stage", "name");
            _click(_get(Button.class, spec -> spec.withId("churn-compute-iv")));
            assertThat(features.getItemLabelGenerator().apply("level")).startsWith("客户等级 · IV ");
            features.setValue(java.util.Set.of("level"));
            _click(_get(Button.class, spec -> spec.withId("churn-save-choices")));
            assertThat(_get(Paragraph.class, spec -> spec.withId("churn-choices-note")).getText())
                    .isEqualTo("已保存：标签和 1 个客户字段，下次训练和评分时使用。");
            assertThat(context.settings().get(ChurnSettings.FIELDS, "")).isEqualTo("level");

            Div shown = _get(Div.class, spec -> spec.withId("churn-model-" + card.version()));
            assertThat(shown.getElement().getTextRecursively()).contains("分箱评分卡").contains("特征截至 " + card.cutoff());
            Grid<ScorecardTable.Row> grid = _get(shown, Grid.class, spec -> spec.withId("churn-scorecard"));
            List<String> rows = java.util.stream.IntStream.range(0, GridKt._size(grid))
                    .mapToObj(i -> String.join(" | ", GridKt._getFormattedRow(grid, i))).toList();
            assertThat(rows).isNotEmpty().noneMatch(r -> r.contains("_") || r.contains("days"));
            assertThat(_get(shown, Paragraph.class, spec -> spec.withClasses("churn-card-base")).getText())
                    .startsWith("基础分 ");

            _get(RadioButtonGroup.class, spec -> spec.withId("churn-kind")).setValue(ChurnModel.SCORECARD);
            _click(_get(Button.class, spec -> spec.withId("churn-train")));
            assertThat(_get(Span.class, spec -> spec.withId("churn-trained")).getText()).startsWith("已训练第");

            // the split is chosen on the screen and stored with the version: seed 7, 40 % held out
            _get(com.vaadin.flow.component.textfield.IntegerField.class, spec -> spec.withId("churn-seed")).setValue(7);
            @SuppressWarnings("unchecked")
            com.vaadin.flow.component.select.Select<Integer> holdout = _get(
                    com.vaadin.flow.component.select.Select.class, spec -> spec.withId("churn-holdout"));
            assertThat(holdout.getValue()).isEqualTo(30);
            holdout.setValue(40);
            _click(_get(Button.class, spec -> spec.withId("churn-train")));
            ChurnSettings settings = new ChurnSettings(context);
            ChurnModel chosen = settings.model(settings.versions().getLast()).orElseThrow();
            assertThat(chosen.seed()).isEqualTo(7);
            assertThat(chosen.holdout()).isEqualTo(0.4);
            int examples = chosen.trainRows() + chosen.evaluation().rows();
            assertThat((double) chosen.evaluation().rows() / examples).isCloseTo(0.4, within(0.02));
            assertThat(_get(Div.class, spec -> spec.withId("churn-model-" + chosen.version())).getElement()
                    .getTextRecursively()).contains("随机种子 7，留出 40% 的客户做评估");
            // the same seed and share again: the same split, the same model
            _click(_get(Button.class, spec -> spec.withId("churn-train")));
            ChurnModel again = settings.model(settings.versions().getLast()).orElseThrow();
            assertThat(again.version()).isGreaterThan(chosen.version());
            assertThat(again.evaluation().auc()).isEqualTo(chosen.evaluation().auc());
            assertThat(again.scorecard().basePoints()).isEqualTo(chosen.scorecard().basePoints());
            // versions stored before the choice read as 30 % held out
            assertThat(new ChurnModel(1, "2026-01-01T00:00:00Z", "x", 42, null, null, null, 0, null, null, null,
                    null, null).holdout()).isEqualTo(0.3);
        }
    }
}
