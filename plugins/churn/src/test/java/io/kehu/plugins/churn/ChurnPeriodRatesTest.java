package io.kehu.plugins.churn;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.KehuUi;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/**
 * Churn, retention and win-back rate per month and quarter ({@link PeriodRates}): dated losses (churn cases) move the
 * period they fall in and the start of every later one, customers count from the day they were created, every
 * figure on the case analysis opens a list of as many records, and the table exports as XLSX. The host is shared
 * with the other tests of the class path, so the figures are checked as differences made by this test's own data.
 */
@KehuPluginTest
class ChurnPeriodRatesTest {

    private static final PeriodRates RATES = new PeriodRates(ZoneId.systemDefault());

    @Test
    void theRatesFollowTheFormulas() {
        PeriodRates.Period p = new PeriodRates.Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), "2026-03");
        PeriodRates.Row row = new PeriodRates.Row(p, 100, 20, 8, 1, 4);
        assertThat(row.atStart()).isEqualTo(80);
        assertThat(row.churnRate()).isCloseTo(0.1, within(1e-9));
        assertThat(row.winBackRate()).isCloseTo(0.25, within(1e-9));
        assertThat(row.enoughClosed()).isFalse();
        assertThat(new PeriodRates.Row(p, 3, 5, 1, 0, 0).atStart()).isZero();

        List<PeriodRates.Period> months = PeriodRates.periods(LocalDate.of(2026, 2, 14), PeriodRates.Length.MONTH);
        assertThat(months).hasSize(12);
        assertThat(months.getFirst()).isEqualTo(new PeriodRates.Period(LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 3, 31), "2025-03"));
        assertThat(months.getLast().last()).isEqualTo(LocalDate.of(2026, 2, 28));
        List<PeriodRates.Period> quarters = PeriodRates.periods(LocalDate.of(2026, 2, 14),
                PeriodRates.Length.QUARTER);
        assertThat(quarters).hasSize(8).extracting(PeriodRates.Period::name).startsWith("2024-Q2").endsWith("2026-Q1");
        assertThat(quarters.getLast().last()).isEqualTo(LocalDate.of(2026, 3, 31));
    }

    @Test
    void datedLossesMoveTheirPeriodAndTheStartOfTheLaterOnes(KehuTestHost kehu) throws Exception {
        PluginContext context = kehu.context();
        LocalDate today = LocalDate.now();
        List<PeriodRates.Period> months = PeriodRates.periods(today, PeriodRates.Length.MONTH);
        PeriodRates.Period target = months.get(9);
        List<PeriodRates.Row> before = kehu.callAsUser("manager",
                () -> RATES.compute(context, today, PeriodRates.Length.MONTH));
        // two months ahead: this test's customers (created today) are customers at those periods' start
        List<PeriodRates.Row> aheadBefore = kehu.callAsUser("manager",
                () -> RATES.compute(context, today.plusMonths(2), PeriodRates.Length.MONTH));

        // three losses on the 4th of the target month: won back, lost for good, still being analysed
        for (String status : List.of("won_back", "lost_for_good", "open")) {
            Map<String, Object> values = new HashMap<>();
            values.put("name", "期间流失客户" + status);
            values.put("email", "period" + System.nanoTime() + "@example.com");
            long id = kehu.recordsAs("staff").create("customer", values).id();
            // loading a dated history: the platform lets the system create a case in a later state
            context.records().create(ChurnForms.CASE, Map.of("customer", id, "status", status,
                    "lost_on", target.first().plusDays(3)));
        }
        List<PeriodRates.Row> after = kehu.callAsUser("manager",
                () -> RATES.compute(context, today, PeriodRates.Length.MONTH));
        for (int i = 0; i < months.size(); i++) {
            PeriodRates.Row b = before.get(i);
            PeriodRates.Row a = after.get(i);
            assertThat(a.period()).isEqualTo(months.get(i));
            assertThat(a.createdBefore()).as("created before " + a.period()).isEqualTo(b.createdBefore());
            assertThat(a.lost() - b.lost()).as("lost in " + a.period()).isEqualTo(i == 9 ? 3 : 0);
            assertThat(a.wonBack() - b.wonBack()).isEqualTo(i == 9 ? 1 : 0);
            assertThat(a.closed() - b.closed()).isEqualTo(i == 9 ? 2 : 0);
            // the two losses not won back are no longer customers at the start of the later periods
            assertThat(a.lostBefore() - b.lostBefore()).as("lost before " + a.period()).isEqualTo(i > 9 ? 2 : 0);
        }
        List<PeriodRates.Row> aheadAfter = kehu.callAsUser("manager",
                () -> RATES.compute(context, today.plusMonths(2), PeriodRates.Length.MONTH));
        assertThat(aheadAfter.getLast().createdBefore() - aheadBefore.getLast().createdBefore()).isEqualTo(3);
        List<PeriodRates.Row> quarters = kehu.callAsUser("manager",
                () -> RATES.compute(context, today, PeriodRates.Length.QUARTER));
        PeriodRates.Row quarter = quarters.stream().filter(q -> !q.period().first().isAfter(target.first())
                && !q.period().last().isBefore(target.last())).findFirst().orElseThrow();
        assertThat(quarter.lost()).isGreaterThanOrEqualTo(3);
        assertThat(quarter.wonBack()).isGreaterThanOrEqualTo(1);
        // the staff member sees these customers (theirs) too; a rate is only shown from MINIMUM_N customers
        List<PeriodRates.Row> staff = kehu.callAsUser("staff",
                () -> RATES.compute(context, today, PeriodRates.Length.MONTH));
        assertThat(staff.get(9).lost()).isGreaterThanOrEqualTo(3).isLessThanOrEqualTo(after.get(9).lost());

        // the export: one line per month, counts as numbers, headers in Chinese
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        context.exports().write(PeriodRatesPanel.exportTable(new Labels(context, Locale.SIMPLIFIED_CHINESE),
                PeriodRates.Length.MONTH, after), io.kehu.sdk.export.PluginExports.Format.XLSX, xlsx);
        List<List<String>> sheet = new ArrayList<>();
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            for (Row r : book.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < r.getCellCount(); c++) {
                    cells.add(r.getCellText(c));
                }
                sheet.add(cells);
            }
        }
        assertThat(sheet).hasSize(13);
        assertThat(sheet.getFirst()).contains("期间", "期初客户数", "本期流失", "流失率（%）", "挽回率（%）");
        assertThat(sheet.get(10).getFirst()).isEqualTo(target.name());
        assertThat(Long.parseLong(sheet.get(10).get(4))).isEqualTo(after.get(9).lost());
    }

    @Test
    void everyFigureOfTheRatesPerPeriodOpensAsManyRecords(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        LocalDate today = LocalDate.now();
        PeriodRates.Period month = PeriodRates.periods(today, PeriodRates.Length.MONTH).get(10);
        Map<String, Object> values = new HashMap<>();
        values.put("name", "期间钻取客户");
        values.put("email", "perioddrill" + System.nanoTime() + "@example.com");
        long id = kehu.recordsAs("staff").create("customer", values).id();
        context.records().create(ChurnForms.CASE, Map.of("customer", id, "status", "won_back",
                "lost_on", month.first()));
        for (String user : List.of("manager", "staff")) {
            for (PeriodRates.Length length : PeriodRates.Length.values()) {
                try (KehuUi ui = kehu.ui(user, Locale.SIMPLIFIED_CHINESE)) {
                    ui.navigate("apps/churn/" + CasesView.PATH);
                    @SuppressWarnings("unchecked")
                    RadioButtonGroup<Object> choice = _get(RadioButtonGroup.class,
                            spec -> spec.withId("churn-period-length"));
                    // the view's enum is the plugin class loader's: chosen by name
                    choice.setValue(choice.getGenericDataView().getItems()
                            .filter(item -> item.toString().equals(length.name())).findFirst().orElseThrow());
                    Grid<?> grid = _get(Grid.class, spec -> spec.withId("churn-period-table"));
                    assertThat(GridKt._size(grid)).isEqualTo(length.shown);
                    List<String> header = GridKt._getFormattedRow(grid, 0);
                    assertThat(String.join(" ", header)).doesNotContain("null").doesNotContain("NaN");
                    List<DrillThrough.Link> links = DrillThrough.periodLinks(grid);
                    assertThat(links).hasSize(length.shown * 5);
                    assertThat(links).anySatisfy(l -> assertThat(l.figure()).isPositive());
                    for (DrillThrough.Link link : links) {
                        DrillThrough.open(link.href());
                        assertThat(DrillThrough.listCount()).as(user + " " + length + ": " + link)
                                .isEqualTo(link.figure());
                    }
                }
            }
        }
    }
}
