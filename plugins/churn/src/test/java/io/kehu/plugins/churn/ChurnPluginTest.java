package io.kehu.plugins.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.jobs.JobStatus;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.MoneyValue;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.scripts.ScriptFunctions;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.workflows.TaskInfo;
import io.kehu.sdk.workflows.WorkflowRefusedException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The churn plugin in a whole Kehu (SDK testkit, H2): features from purchases and complaints, the default rules'
 * score and reasons, history written only on change, the win-back task, the rule function, a model trained on the
 * company's own lost customers, and the churn case opened and tracked through its workflow.
 */
@KehuPluginTest
class ChurnPluginTest {

    static long staffCustomer(KehuTestHost kehu, String name) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", name);
        values.put("email", "churn" + System.nanoTime() + "@example.com");
        return kehu.recordsAs("staff").create("customer", values).id();
    }

    /** {@code times} purchases, every {@code every} days, the last one {@code lastDaysAgo} days ago. */
    static void purchases(PluginContext context, long customer, int times, int every, int lastDaysAgo, String amount) {
        LocalDate last = LocalDate.now().minusDays(lastDaysAgo);
        context.records().batch(b -> {
            for (int i = 0; i < times; i++) {
                b.create("purchase", Map.of("customer", customer, "purchased_on", last.minusDays((long) i * every),
                        "product", "年度维保", "quantity", 1L, "amount", new MoneyValue(new BigDecimal(amount), "CNY")));
            }
        });
    }

    static void complaint(PluginContext context, long customer, int daysAgo) {
        context.records().create("feedback", Map.of("customer", customer, "feedback_type", "complaint",
                "severity", "high", "description", "送货太慢", "received_at", OffsetDateTime.now().minusDays(daysAgo)));
    }

    static RecordData current(KehuTestHost kehu, long customer) {
        return kehu.context().records().search(ChurnForms.SCORE).where("customer", FilterOperator.EQUALS, customer)
                .where("latest", FilterOperator.EQUALS, true).list().getFirst();
    }

    @Test
    void scoresFromTheArchiveWithReasonsHistoryAndAWinBackTask(KehuTestHost kehu) throws Exception {
        PluginContext context = kehu.context();
        context.settings().put(ChurnSettings.ACTIVE, ""); // rules only (the other test may have put a model in use)
        long leaving = staffCustomer(kehu, "久未下单的客户");
        purchases(context, leaving, 6, 30, 120, "1000");
        complaint(context, leaving, 10);
        complaint(context, leaving, 40);
        long loyal = staffCustomer(kehu, "忠实客户");
        purchases(context, loyal, 12, 30, 5, "1000");

        FeatureTable table = new FeatureExtractor(context).extract(LocalDate.now(), List.of("level", "nope"),
                "lifecycle_stage=lost", Progress.NONE, () -> false);
        int row = table.indexOf(leaving);
        assertThat(table.fieldIds).containsExactly("level");
        assertThat(table.get(row, "recency_days")).isEqualTo(120);
        assertThat(table.get(row, "usual_interval_days")).isEqualTo(30);
        assertThat(table.get(row, "overdue_ratio")).isEqualTo(4.0);
        assertThat(table.get(row, "purchase_count")).isEqualTo(6);
        assertThat(table.get(row, "purchases_90d")).isZero();
        assertThat(table.get(row, "spend_trend")).isZero();
        assertThat(table.get(row, "complaints_90d")).isEqualTo(2);
        assertThat(table.owners[row]).isNotNull();
        assertThat(table.get(table.indexOf(loyal), "overdue_ratio")).isLessThan(1);

        // a picked select field in words: the option's label, never its code
        FeatureTable regions = new FeatureTable(List.of("region"), 1);
        regions.add(1, null, Map.of("region", "east_china"));
        ReasonTexts texts = new ReasonTexts(context);
        assertThat(texts.input(regions, 0, "field:region=east_china"))
                .isEqualTo(io.kehu.sdk.LocalText.of("区域：华东", "Region: East China"));
        assertThat(texts.input(regions, 0, "field:region=north_china").zh()).isEqualTo("区域不是“华北”");

        JobStatus status = kehu.runJob(ChurnJob.ID);
        assertThat(status.lastResult()).isEqualTo("ok");
        RecordData score = current(kehu, leaving);
        // default rules: overdue 4× the usual interval (40) + 2 complaints in 90 days (30) + spend down (20)
        assertThat(score.get("score")).isEqualTo(90L);
        assertThat(score.get("risk_level")).isEqualTo("high");
        assertThat((String) score.get("reasons_zh")).contains("已 120 天未购买，通常每 30 天购买一次")
                .contains("近 90 天投诉 2 次");
        assertThat((String) score.get("reasons_en")).contains("No purchase for 120 days, usually every 30");
        assertThat(current(kehu, loyal).get("score")).isEqualTo(0L);
        List<TaskInfo> tasks = context.workflows().openTasks("customer", leaving);
        assertThat(tasks).anySatisfy(t -> {
            assertThat(t.kind()).isEqualTo("win_back");
            assertThat(t.assignee()).isEqualTo("staff");
            assertThat(t.title().zh()).contains("已 120 天未购买");
        });

        // nothing changed: no new history rows, no second task
        long rows = context.records().aggregate(ChurnForms.SCORE).count().list().getFirst().count();
        kehu.runJob(ChurnJob.ID);
        assertThat(context.records().aggregate(ChurnForms.SCORE).count().list().getFirst().count()).isEqualTo(rows);
        assertThat(context.workflows().openTasks("customer", leaving)).hasSize(tasks.size());

        // the customer buys again: a new current row, the old one kept as history
        purchases(context, leaving, 1, 1, 0, "1000");
        kehu.runJob(ChurnJob.ID);
        assertThat(((Number) current(kehu, leaving).get("score")).intValue()).isLessThan(90);
        assertThat(context.records().search(ChurnForms.SCORE).where("customer", FilterOperator.EQUALS, leaving)
                .list()).hasSize(2);

        // form rules read the current score
        ScriptFunctions functions = kehu.extensions(ScriptFunctions.class).getFirst();
        assertThat(functions.name()).isEqualTo("churn");
        Object churn = functions.functions();
        assertThat(churn.getClass().getMethod("score", Object.class).invoke(churn, loyal)).isEqualTo(0L);
        assertThat(churn.getClass().getMethod("level", Object.class).invoke(churn, loyal)).isEqualTo("low");
        assertThat(churn.getClass().getMethod("score", Object.class).invoke(churn, -5L)).isEqualTo(-1L);
    }

    @Test
    void trainsOnTheCompanysLostCustomersAndOpensATrackedCaseForEach(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        // this test is about versions, activation and cases on today's features; learning as of a past cut-off
        // (no leakage) is ChurnSnapshotTest's
        context.settings().put(ChurnSettings.HORIZON, "0");
        ChurnService service = new ChurnService(context);
        // 40 who stayed (buying monthly, recently) and 40 who left (stopped months ago, complained)
        java.util.Random random = new java.util.Random(3);
        long lastLost = 0;
        for (int i = 0; i < 80; i++) {
            boolean lost = i % 2 == 0;
            long id = staffCustomer(kehu, (lost ? "流失客户" : "留存客户") + i);
            purchases(context, id, 4 + random.nextInt(6), 20 + random.nextInt(20),
                    lost ? 90 + random.nextInt(200) : random.nextInt(60), "500");
            if (lost && random.nextBoolean()) {
                complaint(context, id, 5 + random.nextInt(60));
            }
            if (lost) {
                RecordData c = context.records().get("customer", id).orElseThrow();
                context.records().update("customer", id, c.rowVersion(), Map.of("lifecycle_stage", "lost"));
                lastLost = id;
            }
        }
        ChurnModel model = service.train(42, Progress.NONE, () -> false);
        assertThat(model.evaluation().auc()).isGreaterThan(0.8);
        assertThat(model.label()).isEqualTo("lifecycle_stage=lost");
        ChurnSettings settings = new ChurnSettings(context);
        assertThat(settings.model(model.version())).isPresent();
        assertThat(settings.activeModel()).isEmpty();
        settings.activate(model.version());
        assertThat(settings.activeModel().orElseThrow().coefficients()).containsExactly(model.coefficients());

        // every lost customer got a case, in its first state, tracked by the account manager, with a task
        List<RecordData> cases = context.records().search(ChurnForms.CASE)
                .where("customer", FilterOperator.EQUALS, lastLost).list();
        assertThat(cases).hasSize(1);
        RecordData churnCase = cases.getFirst();
        assertThat(churnCase.get("status")).isEqualTo("open");
        assertThat(churnCase.get("tracker")).isNotNull();
        assertThat(context.workflows().openTasks(ChurnForms.CASE, churnCase.id()))
                .anySatisfy(t -> assertThat(t.assignee()).isEqualTo("staff"));
        assertThat(context.workflows().workflow(ChurnForms.CASE)).isPresent();
        // the analysis must be filled in before it goes to the department
        assertThatThrownBy(() -> context.workflows().transition(ChurnForms.CASE, churnCase.id(), "analysed", null,
                churnCase.rowVersion())).isInstanceOfSatisfying(WorkflowRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo("FIELDS_MISSING"));
        RecordData filled = context.records().update(ChurnForms.CASE, churnCase.id(), churnCase.rowVersion(),
                Map.of("competitor", "某竞品公司", "dissatisfaction", "service", "recoverable", "maybe",
                        "department", "service", "attraction", "价格低 15%", "improvement", "缩短上门响应时间"));
        // ... and each finding sent to its department with a named owner: no improvement action yet is refused
        // with what is missing, in both languages, and nothing of the move is kept
        assertThatThrownBy(() -> context.workflows().transition(ChurnForms.CASE, churnCase.id(), "analysed",
                "客服响应慢", filled.rowVersion())).isInstanceOfSatisfying(WorkflowRefusedException.class, e -> {
                    assertThat(e.text().zh()).contains("请先添加改进措施").contains("责任部门、负责人和完成期限");
                    assertThat(e.text().en()).contains("Add an improvement action");
                });
        assertThat(context.records().get(ChurnForms.CASE, churnCase.id()).orElseThrow().get("status"))
                .isEqualTo("open");
        Object owner = filled.get("tracker");
        // an action for another department does not cover the case's responsible department (客服部)
        context.records().create(ChurnForms.ACTION, Map.of("churn_case", churnCase.id(), "action", "价格方案对标竞品",
                "department", "sales", "owner", owner, "due_on", LocalDate.now().plusDays(30)));
        assertThatThrownBy(() -> context.workflows().transition(ChurnForms.CASE, churnCase.id(), "analysed",
                "客服响应慢", filled.rowVersion())).isInstanceOfSatisfying(WorkflowRefusedException.class, e -> {
                    assertThat(e.text().zh()).contains("责任部门“客服部”还没有改进措施");
                    assertThat(e.text().en()).contains("Customer service");
                });
        context.records().create(ChurnForms.ACTION, Map.of("churn_case", churnCase.id(), "action", "缩短上门响应时间",
                "department", "service", "owner", owner, "due_on", LocalDate.now().plusDays(30)));
        RecordData moved = context.workflows().transition(ChurnForms.CASE, churnCase.id(), "analysed", "客服响应慢",
                filled.rowVersion());
        assertThat(moved.get("status")).isEqualTo("improving");
        assertThat(context.workflows().openTasks(ChurnForms.CASE, churnCase.id()))
                .anySatisfy(t -> assertThat(t.kind()).isEqualTo("churn_improve"));
        // marking the same customer lost again opens no second case while one is open
        RecordData c = context.records().get("customer", lastLost).orElseThrow();
        context.records().update("customer", lastLost, c.rowVersion(), Map.of("lifecycle_stage", "at_risk"));
        c = context.records().get("customer", lastLost).orElseThrow();
        context.records().update("customer", lastLost, c.rowVersion(), Map.of("lifecycle_stage", "lost"));
        assertThat(context.records().search(ChurnForms.CASE).where("customer", FilterOperator.EQUALS, lastLost)
                .list()).hasSize(1);

        // scoring with the model: lost customers are not scored, the others get a model score and model reasons
        service.scoreAll(LocalDate.now(), "admin", Progress.NONE, () -> false);
        assertThat(context.records().search(ChurnForms.SCORE).where("customer", FilterOperator.EQUALS, lastLost)
                .where("latest", FilterOperator.EQUALS, true).list()).isEmpty();
        assertThat(context.records().search(ChurnForms.SCORE).where("latest", FilterOperator.EQUALS, true)
                .where("model_version", FilterOperator.EQUALS, (long) model.version()).limit(1).list()).isNotEmpty();
        context.settings().put(ChurnSettings.ACTIVE, "");
    }
}
