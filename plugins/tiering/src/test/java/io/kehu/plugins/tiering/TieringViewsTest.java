package io.kehu.plugins.tiering;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.MoneyValue;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.KehuUi;
import io.kehu.sdk.ui.DashboardWidget;
import io.kehu.sdk.ui.RecordPanel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin screen, the customer's tier tab, the dashboard card and the adjustment directory (Karibu, H2). */
@KehuPluginTest
class TieringViewsTest {

    private static long customerWithPurchases(PluginContext context, String name, LocalDate on, int times) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", name);
        values.put("email", "v" + System.nanoTime() + "@example.com");
        long id = context.records().create("customer", values).id();
        context.records().batch(b -> {
            for (int i = 0; i < times; i++) {
                b.create("purchase", Map.of("customer", id, "purchased_on", on, "product", "年度维保",
                        "quantity", 1L, "amount", new MoneyValue(new BigDecimal("30000"), "CNY")));
            }
        });
        return id;
    }

    private static String status() {
        return _get(Span.class, spec -> spec.withId("tiering-status")).getText();
    }

    /** Lets the screen's 500 ms poll happen until the background run is over. */
    private static void awaitRun() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
            if (_get(Button.class, spec -> spec.withId("tiering-dry-run")).isEnabled()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the evaluation did not finish: " + status());
    }

    @Test
    void adminRunsADryRunFiltersItAndAppliesIt(KehuTestHost kehu) throws Exception {
        Period last = Period.lastCompleted(PeriodKind.CALENDAR_YEAR, LocalDate.now());
        long id = customerWithPurchases(kehu.context(), "界面客户", last.to(), 6);
        try (KehuUi ui = kehu.ui("admin")) {
            ui.navigate("apps/tiering/" + TieringAdminView.PATH);
            assertThat(_get(com.vaadin.flow.component.html.H2.class, spec -> spec.withId("tiering-title")).getText())
                    .isEqualTo("Customer tiering");
            _click(_get(Button.class, spec -> spec.withId("tiering-dry-run")));
            awaitRun();
            assertThat(status()).contains("Dry run of " + last.key());
            assertThat(_get(Span.class, spec -> spec.withId("tiering-per-level")).getText()).contains("Key customer");
            @SuppressWarnings("unchecked")
            Grid<Object> grid = _get(Grid.class, spec -> spec.withId("tiering-preview"));
            assertThat(grid.getGenericDataView().getItems().count()).isPositive();
            // Filtered pages come from the preview's columns, with the customers' names read from the database.
            @SuppressWarnings("unchecked")
            Select<String> movement = _get(Select.class, spec -> spec.withId("tiering-filter-movement"));
            movement.setValue(Movement.NEW.name());
            @SuppressWarnings("unchecked")
            Select<String> level = _get(Select.class, spec -> spec.withId("tiering-filter-level"));
            level.setValue("KEY");
            java.util.List<String> rows = java.util.stream.IntStream.range(0, GridKt._size(grid))
                    .mapToObj(i -> String.join(" | ", GridKt._getFormattedRow(grid, i))).toList();
            assertThat(rows).isNotEmpty()
                    .allSatisfy(row -> assertThat(row).contains("First level").contains("Key customer"))
                    .anySatisfy(row -> assertThat(row).startsWith("界面客户 | "));
            // money as the admin reads it, not 180000 / 30000.00
            assertThat(rows).filteredOn(row -> row.startsWith("界面客户 | ")).singleElement()
                    .satisfies(row -> assertThat(row).contains(" | ¥180,000.00 | 6 | ").contains(" | ¥30,000.00 | "));
            assertThat(_get(Button.class, spec -> spec.withId("tiering-apply")).isEnabled()).isTrue();

            _click(_get(Button.class, spec -> spec.withId("tiering-apply")));
            awaitRun();
            assertThat(status()).contains("Applied");
        }
        assertThat(kehu.recordsAs("admin").get("customer", id).orElseThrow().get("level")).isEqualTo("KEY");
        assertThat(kehu.recordsAs("admin").search(TieringForms.HISTORY)
                .where("customer", io.kehu.sdk.records.FilterOperator.EQUALS, id).list())
                .singleElement().satisfies(h -> assertThat(h.get("applied_by")).isEqualTo("admin"));

        RecordPanel panel = kehu.extension(RecordPanel.class, TierHistoryPanel.class);
        try (KehuUi ui = kehu.ui("manager")) {
            Component tab = kehu.callAsUser("manager", () -> panel.create(kehu.context(), id));
            assertThat(tab).isInstanceOf(Div.class);
            Div div = (Div) tab;
            String text = div.getElement().getTextRecursively();
            assertThat(text).contains("Current level: Key customer").contains("Visits per year: 12")
                    .contains(last.key() + ": — → Key customer (First level), tiering run by 系统管理员 Administrator")
                    .containsPattern("Total spend ¥[\\d,]+\\.\\d\\d").doesNotContain("total_spend");

            DashboardWidget widget = kehu.extension(DashboardWidget.class, TierWidget.class);
            Component card = kehu.callAsUser("manager", () -> widget.create(kehu.context()));
            assertThat(card.getElement().getTextRecursively()).contains("Key customer").contains("First level");

            ui.navigate("apps/tiering/" + AdjustmentsView.PATH);
            assertThat(_get(com.vaadin.flow.component.html.H2.class, spec -> spec.withId("adjust-title")).getText())
                    .isEqualTo("Tier adjustments");
            @SuppressWarnings("unchecked")
            Grid<Object> adjustments = _get(Grid.class, spec -> spec.withId("adjust-grid"));
            assertThat(adjustments.getGenericDataView().getItems().count()).isPositive();
            // Names, labels and formatted values: no scheme or level codes, no metrics JSON.
            java.util.List<String> adjusted = java.util.stream.IntStream.range(0, GridKt._size(adjustments))
                    .mapToObj(i -> String.join(" | ", GridKt._getFormattedRow(adjustments, i))).toList();
            assertThat(adjusted).anySatisfy(row -> assertThat(row).startsWith("界面客户 | " + last.key())
                    .contains("| Three tiers | — | Key customer | First level | tiering run by 系统管理员 Administrator |")
                    .containsPattern("Total spend ¥[\\d,]+\\.\\d\\d · Purchases 6 · Last purchase ")
                    .doesNotContain("{").doesNotContain("KEY").doesNotContain("three_tier"));
        }
    }

    @Test
    void whoAppliedATierChangeReadsAsAPersonNotASignInCode(KehuTestHost kehu) throws Exception {
        HistoryTexts zh = kehu.callAsUser("admin", () -> new HistoryTexts(kehu.context(),
                java.util.Locale.SIMPLIFIED_CHINESE));
        assertThat(zh.appliedBy("admin")).isEqualTo("系统分级（由 系统管理员 Administrator 执行）");
        assertThat(zh.appliedBy("plugin:tiering")).isEqualTo("系统分级（定时执行）");
        assertThat(zh.appliedBy("someone-deleted")).isEqualTo("系统分级（由 someone-deleted 执行）");
        assertThat(zh.appliedBy(null)).isEmpty();
    }

    @Test
    void theAdjustmentsExportQuotesCellsAndDefusesFormulas(KehuTestHost kehu) throws Exception {
        String period = "export-" + System.nanoTime();
        long customer = kehu.context().records().create("customer", Map.of("name", "导出客户",
                "email", "export" + System.nanoTime() + "@example.com")).id();
        kehu.context().records().create(TieringForms.HISTORY, Map.of("customer", customer, "period", period,
                "scheme", "=HYPERLINK(1)", "old_level", "+1", "new_level", "KEY", "movement", "UP",
                "applied_by", "a,b", "metrics", "{\"total_spend\":1}"));
        var out = new java.io.ByteArrayOutputStream();
        kehu.callAsUser("admin", () -> {
            try {
                kehu.context().exports().write(AdjustmentsView.table(kehu.context(), period),
                        io.kehu.sdk.export.PluginExports.Format.CSV, out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        });
        String csv = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFcustomer,period,scheme").contains("'=HYPERLINK(1)").contains("'+1")
                .contains("\"a,b\"").contains("\"{\"\"total_spend\"\":1}\"");
    }

    @Test
    void theSdkExportDefusesTabAndCarriageReturnFormulasButKeepsNumbers(KehuTestHost kehu) throws Exception {
        var table = new io.kehu.sdk.export.ExportTable<Object>("cells",
                java.util.List.of(io.kehu.sdk.export.ExportColumn.of("value", v -> v)),
                each -> java.util.List.<Object>of("\tTAB", "\rCR", "@SUM(A1)", -5L, new BigDecimal("-1.50"))
                        .forEach(each));
        var out = new java.io.ByteArrayOutputStream();
        kehu.context().exports().write(table, io.kehu.sdk.export.PluginExports.Format.CSV, out);
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFvalue\r\n'\tTAB\r\n\"'\rCR\"\r\n'@SUM(A1)\r\n-5\r\n-1.50\r\n");
    }
}
