package io.kehu.plugins.churn;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.KehuUi;
import io.kehu.sdk.ui.DashboardWidget;
import io.kehu.sdk.ui.RecordPanel;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The warning list, the model page, the case analysis and the customer tab in Chinese (Karibu, H2). */
@KehuPluginTest
class ChurnViewsTest {

    @Test
    void aManagerReadsTheWarningListAndTheCustomerTabInChinese(KehuTestHost kehu) throws java.io.IOException {
        PluginContext context = kehu.context();
        context.settings().put(ChurnSettings.ACTIVE, "");
        long id = ChurnPluginTest.staffCustomer(kehu, "界面流失客户");
        ChurnPluginTest.purchases(context, id, 5, 30, 150, "2000");
        ChurnPluginTest.complaint(context, id, 3);
        ChurnPluginTest.complaint(context, id, 20);
        kehu.runJob(ChurnJob.ID);
        // a second scoring after the customer bought again: two points on the chart
        ChurnPluginTest.purchases(context, id, 1, 1, 0, "2000");
        kehu.runJob(ChurnJob.ID);

        try (KehuUi ui = kehu.ui("manager", Locale.SIMPLIFIED_CHINESE)) {
            ui.navigate("apps/churn/" + WarningListView.PATH);
            assertThat(_get(H2.class, spec -> spec.withId("churn-warnings-title")).getText()).isEqualTo("流失预警名单");
            assertThat(_get(Span.class, spec -> spec.withId("churn-summary")).getText()).contains("位高风险");
            @SuppressWarnings("unchecked")
            Select<String> level = _get(Select.class, spec -> spec.withId("churn-filter-level"));
            level.setValue("all");
            @SuppressWarnings("unchecked")
            Grid<Object> grid = _get(Grid.class, spec -> spec.withId("churn-warnings"));
            grid.getDataProvider().refreshAll();
            List<String> rows = IntStream.range(0, GridKt._size(grid))
                    .mapToObj(i -> String.join(" | ", GridKt._getFormattedRow(grid, i))).toList();
            assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("界面流失客户 | ").contains("低风险")
                    .contains("staff"));
            assertThat(rows).allSatisfy(r -> assertThat(r).doesNotContain("high").doesNotContain("{"));

            // the customer is lost: a case opens, and the analysis counts it by month and in its tables
            RecordData lost = context.records().get("customer", id).orElseThrow();
            context.records().update("customer", id, lost.rowVersion(), java.util.Map.of("lifecycle_stage", "lost"));
            ui.navigate("apps/churn/" + CasesView.PATH);
            assertThat(_get(H2.class, spec -> spec.withId("churn-cases-title")).getText()).isEqualTo("流失客户分析");
            assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("churn-cases-summary"))
                    .getElement().getTextRecursively()).contains("流失分析案例").contains("待分析");
            assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("churn-cases-per-month"))
                    .getElement().getTextRecursively()).contains(java.time.LocalDate.now().toString().substring(0, 7));
            @SuppressWarnings("unchecked")
            Grid<Object> byDepartment = _get(Grid.class, spec -> spec.withId("churn-by-department"));
            assertThat(GridKt._getFormattedRow(byDepartment, 0)).contains("未填写");
            // Pareto: the largest group first, with the running share ending at 100 %
            assertThat(GridKt._getFormattedRow(byDepartment, GridKt._size(byDepartment) - 1)).contains("100%");
            assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("churn-pareto"))
                    .getElement().getTextRecursively()).contains("未填写");
            // the export: every case with the analysis fields under their labels, values in words
            java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();
            context.exports().write(CasesView.caseTable(context, new Labels(context, Locale.SIMPLIFIED_CHINESE),
                    Locale.SIMPLIFIED_CHINESE), io.kehu.sdk.export.PluginExports.Format.CSV, csv);
            String exported = csv.toString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(exported).contains("流向何处（竞争对手）").contains("界面流失客户").contains("待分析")
                    .doesNotContain(",open,");

            RecordPanel panel = kehu.extension(RecordPanel.class, ChurnPanel.class);
            Component tab = kehu.callAsUser("manager", () -> panel.create(context, id));
            String text = tab.getElement().getTextRecursively();
            assertThat(text).contains("当前风险分").contains("主要原因").contains("风险分变化");

            DashboardWidget widget = kehu.extension(DashboardWidget.class, ChurnWidget.class);
            Component card = kehu.callAsUser("manager", () -> widget.create(context));
            assertThat(card.getElement().getTextRecursively()).contains("中风险客户").contains("流失分析案例");
        }
    }

    @Test
    void anAdminScoresHighRiskCustomersAndGivesThemWinBackTasks(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        context.settings().put(ChurnSettings.ACTIVE, "");
        long id = ChurnPluginTest.staffCustomer(kehu, "高风险界面客户");
        ChurnPluginTest.purchases(context, id, 6, 20, 200, "800");
        ChurnPluginTest.complaint(context, id, 1);
        ChurnPluginTest.complaint(context, id, 2);
        kehu.runJob(ChurnJob.ID);
        context.workflows().openTasks("customer", id).forEach(t -> context.workflows().completeTask(t.id()));
        try (KehuUi ui = kehu.ui("admin", Locale.SIMPLIFIED_CHINESE)) {
            ui.navigate("apps/churn/" + ModelView.PATH);
            assertThat(_get(H2.class, spec -> spec.withId("churn-model-title")).getText()).isEqualTo("流失预警模型");
            assertThat(_get(Paragraph.class, spec -> spec.withId("churn-rules")).getText()).contains("预警规则：3 条启用");
            // with no model yet, the label that marks leavers reads in the form's words, not lifecycle_stage=lost
            com.github.mvysny.kaributesting.v10.LocatorJ._find(Paragraph.class, spec -> spec.withId("churn-no-model"))
                    .forEach(none -> assertThat(none.getText()).doesNotContain("lifecycle_stage").contains("为“"));
            ui.navigate("apps/churn/" + WarningListView.PATH);
            _click(_get(Button.class, spec -> spec.withId("churn-winback")));
            assertThat(_get(Span.class, spec -> spec.withId("churn-winback-result")).getText()).startsWith("已创建");
        }
        assertThat(context.workflows().openTasks("customer", id)).anySatisfy(t -> assertThat(t.kind())
                .isEqualTo("win_back"));
    }

    @Test
    void theWarningListFiltersByTierAndRegionAsScored(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        context.settings().put(ChurnSettings.ACTIVE, "");
        long east = ChurnPluginTest.staffCustomer(kehu, "华东大客户");
        long north = ChurnPluginTest.staffCustomer(kehu, "华北一般客户");
        for (long id : new long[] {east, north}) {
            RecordData c = context.records().get("customer", id).orElseThrow();
            context.records().update("customer", id, c.rowVersion(), id == east
                    ? java.util.Map.of("region", "east_china", "level", "KEY")
                    : java.util.Map.of("region", "north_china", "level", "NORMAL"));
            ChurnPluginTest.purchases(context, id, 6, 30, 160, "900");
            ChurnPluginTest.complaint(context, id, 4);
            ChurnPluginTest.complaint(context, id, 8);
        }
        kehu.runJob(ChurnJob.ID);
        assertThat(ChurnPluginTest.current(kehu, east).get("region")).isEqualTo("east_china");
        assertThat(ChurnPluginTest.current(kehu, east).get("tier")).isEqualTo("KEY");
        try (KehuUi ui = kehu.ui("manager", Locale.SIMPLIFIED_CHINESE)) {
            ui.navigate("apps/churn/" + WarningListView.PATH);
            @SuppressWarnings("unchecked")
            Select<String> region = _get(Select.class, spec -> spec.withId("churn-filter-region"));
            assertThat(region.getLabel()).isEqualTo("区域");
            assertThat(region.getItemLabelGenerator().apply("east_china")).isEqualTo("华东");
            @SuppressWarnings("unchecked")
            Select<String> tier = _get(Select.class, spec -> spec.withId("churn-filter-tier"));
            assertThat(tier.getItemLabelGenerator().apply("KEY")).isEqualTo("大客户");
            @SuppressWarnings("unchecked")
            Grid<Object> grid = _get(Grid.class, spec -> spec.withId("churn-warnings"));
            region.setValue("east_china");
            List<String> rows = IntStream.range(0, GridKt._size(grid))
                    .mapToObj(i -> GridKt._getFormattedRow(grid, i).getFirst()).toList();
            assertThat(rows).contains("华东大客户").doesNotContain("华北一般客户");
            tier.setValue("NORMAL");
            assertThat(GridKt._size(grid)).isZero();
            assertThat(_get(Paragraph.class, spec -> spec.withId("churn-empty")).isVisible()).isTrue();
        }
    }

    @Test
    void aCaseHasSeveralImprovementActionsEachTrackedByItsOwner(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        long id = ChurnPluginTest.staffCustomer(kehu, "改进措施客户");
        RecordData customer = context.records().get("customer", id).orElseThrow();
        Object staff = customer.get("account_manager");
        context.records().update("customer", id, customer.rowVersion(), java.util.Map.of("lifecycle_stage", "lost"));
        long caseId = context.records().search(ChurnForms.CASE)
                .where("customer", io.kehu.sdk.records.FilterOperator.EQUALS, id).list().getFirst().id();
        long onTime = context.records().create(ChurnForms.ACTION, java.util.Map.of("churn_case", caseId,
                "action", "缩短上门响应时间到 24 小时", "department", "service", "owner", staff,
                "due_on", java.time.LocalDate.now().plusDays(20))).id();
        context.records().create(ChurnForms.ACTION, java.util.Map.of("churn_case", caseId,
                "action", "价格方案对标竞品", "department", "sales", "owner", staff,
                "due_on", java.time.LocalDate.now().minusDays(3)));
        assertThat(context.workflows().openTasks(ChurnForms.ACTION, onTime)).singleElement().satisfies(t -> {
            assertThat(t.assignee()).isEqualTo("staff");
            assertThat(t.kind()).isEqualTo(ChurnActions.TASK);
            assertThat(t.title().zh()).isEqualTo("改进措施：缩短上门响应时间到 24 小时");
        });
        try (KehuUi ui = kehu.ui("manager", Locale.SIMPLIFIED_CHINESE)) {
            ui.navigate("apps/churn/" + CasesView.PATH);
            String summary = _get(com.vaadin.flow.component.html.Div.class,
                    spec -> spec.withId("churn-actions-summary")).getElement().getTextRecursively();
            assertThat(summary).matches("改进措施 \\d+ 项：未完成 \\d+ 项，其中逾期 \\d+ 项");
            // this case's two actions, both open, one late, are among those the numbers count and open
            com.vaadin.flow.component.html.Anchor late = _get(com.vaadin.flow.component.html.Anchor.class,
                    spec -> spec.withId("churn-actions-late"));
            assertThat(Long.parseLong(late.getText())).isPositive();
            DrillThrough.open(late.getHref());
            assertThat(DrillThrough.listCount()).isEqualTo(Long.parseLong(late.getText()));
        }
    }

    @Test
    void everyFigureOfTheCaseAnalysisOpensExactlyTheCasesOrCustomersBehindIt(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        // lost customers of the staff member's and one of the manager's, in two regions and tiers, with findings
        List<String> dissatisfaction = List.of("product", "service", "service", "both", "service", "product");
        List<String> competitor = List.of("华远科技", "华远科技", "蓝海软件", "蓝海", "华远科技", "蓝海软件");
        for (int i = 0; i < dissatisfaction.size(); i++) {
            String owner = i == 5 ? "manager" : "staff";
            java.util.Map<String, Object> values = new java.util.HashMap<>();
            values.put("name", "钻取客户" + i);
            values.put("email", "drill" + System.nanoTime() + "@example.com");
            long id = kehu.recordsAs(owner).create("customer", values).id();
            RecordData c = context.records().get("customer", id).orElseThrow();
            // the tier is set by the platform (read-only for users), as in the warning-list test
            context.records().update("customer", id, c.rowVersion(), java.util.Map.of("lifecycle_stage", "lost",
                    "region", i % 2 == 0 ? "east_china" : "north_china", "level", i < 3 ? "KEY" : "NORMAL"));
            RecordData churnCase = context.records().search(ChurnForms.CASE)
                    .where("customer", io.kehu.sdk.records.FilterOperator.EQUALS, id).list().getFirst();
            context.records().update(ChurnForms.CASE, churnCase.id(), churnCase.rowVersion(), java.util.Map.of(
                    "dissatisfaction", dissatisfaction.get(i), "competitor", competitor.get(i),
                    "department", i % 2 == 0 ? "product" : "service", "recoverable", "maybe"));
        }
        for (String user : List.of("manager", "staff")) {
            try (KehuUi ui = kehu.ui(user, Locale.SIMPLIFIED_CHINESE)) {
                ui.navigate("apps/churn/" + CasesView.PATH);
                List<DrillThrough.Link> links = DrillThrough.links();
                // states, per month, four findings tables, the Pareto chart's points, three rate tables
                assertThat(links).hasSizeGreaterThan(25);
                assertThat(links).anySatisfy(l -> assertThat(l.href()).startsWith("forms/churn_case?"));
                assertThat(links).anySatisfy(l -> assertThat(l.href()).startsWith("forms/customer?"));
                for (DrillThrough.Link link : links) {
                    DrillThrough.open(link.href());
                    assertThat(DrillThrough.listCount()).as(user + ": " + link).isEqualTo(link.figure());
                }
                // "蓝海" is inside "蓝海软件": the list could only filter by "contains", so its count is no link
                ui.navigate("apps/churn/" + CasesView.PATH);
                Grid<?> byCompetitor = _get(Grid.class, spec -> spec.withId("churn-by-competitor"));
                int inside = IntStream.range(0, GridKt._size(byCompetitor))
                        .filter(i -> GridKt._getFormattedRow(byCompetitor, i).getFirst().equals("蓝海")).findFirst()
                        .orElseThrow();
                assertThat(GridKt._getCellComponent(byCompetitor, inside, "count")).isInstanceOf(Span.class);
            }
        }
        // the rates: per tier the customers (n), the lost ones and both rates, hidden under the minimum n; five
        // potential customers of the staff member's, two of them lost: 40 % churn, 60 % retention
        for (int i = 0; i < 5; i++) {
            java.util.Map<String, Object> values = new java.util.HashMap<>();
            values.put("name", "潜在流失率客户" + i);
            values.put("email", "rate" + System.nanoTime() + "@example.com");
            long id = kehu.recordsAs("staff").create("customer", values).id();
            RecordData c = context.records().get("customer", id).orElseThrow();
            context.records().update("customer", id, c.rowVersion(), i < 2
                    ? java.util.Map.of("level", "POTENTIAL", "lifecycle_stage", "lost")
                    : java.util.Map.of("level", "POTENTIAL"));
        }
        try (KehuUi ui = kehu.ui("staff", Locale.SIMPLIFIED_CHINESE)) {
            ui.navigate("apps/churn/" + CasesView.PATH);
            Grid<?> byTier = _get(Grid.class, spec -> spec.withId("churn-rates-level"));
            java.util.Map<String, List<String>> rows = new java.util.LinkedHashMap<>();
            java.util.Map<String, String> customers = new java.util.HashMap<>();
            java.util.Map<String, String> lost = new java.util.HashMap<>();
            for (int i = 0; i < GridKt._size(byTier); i++) {
                List<String> row = GridKt._getFormattedRow(byTier, i);
                rows.put(row.getFirst(), row);
                customers.put(row.getFirst(), ((com.vaadin.flow.component.html.Anchor) GridKt._getCellComponent(
                        byTier, i, "n")).getText());
                lost.put(row.getFirst(), ((com.vaadin.flow.component.html.Anchor) GridKt._getCellComponent(
                        byTier, i, "lost")).getText());
            }
            assertThat(rows.keySet()).contains("大客户").doesNotContain("KEY", "POTENTIAL", "null");
            assertThat(lost.get("大客户")).isEqualTo("3"); // customers 0–2 (5 is the manager's)
            if (Integer.parseInt(customers.get("大客户")) < RetentionRates.MINIMUM_N) {
                assertThat(rows.get("大客户").subList(3, 5)).containsOnly("样本不足（n < 5）");
            }
            String potential = "潜在客户";
            assertThat(customers.get(potential)).isEqualTo("5");
            assertThat(lost.get(potential)).isEqualTo("2");
            assertThat(rows.get(potential).subList(3, 5)).containsExactly("40%", "60%");
            Grid<?> byOwner = _get(Grid.class, spec -> spec.withId("churn-rates-account_manager"));
            List<String> owners = IntStream.range(0, GridKt._size(byOwner))
                    .mapToObj(i -> GridKt._getFormattedRow(byOwner, i).getFirst()).toList();
            assertThat(owners).contains("staff").doesNotContain("manager"); // the staff member sees their own
        }
    }
}
