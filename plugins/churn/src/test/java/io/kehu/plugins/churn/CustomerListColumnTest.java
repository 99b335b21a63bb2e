package io.kehu.plugins.churn;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.KehuUi;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The plugin's 流失风险 and 流失风险等级 columns on the platform's customer list (the real plugin jar, scored by its
 * own job; Karibu, H2, zh-CN): the current score and level of each of the staff member's customers, filterable by
 * "risk ≥ the leaving customer's score".
 */
@KehuPluginTest
class CustomerListColumnTest {

    @Test
    void theCustomerListShowsAndFiltersTheCurrentRisk(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        context.settings().put(ChurnSettings.ACTIVE, ""); // rules only
        String token = "风险列" + System.nanoTime() % 1_000_000;
        long leaving = ChurnPluginTest.staffCustomer(kehu, token + "久未下单");
        ChurnPluginTest.purchases(context, leaving, 6, 30, 120, "1000");
        ChurnPluginTest.complaint(context, leaving, 10);
        ChurnPluginTest.complaint(context, leaving, 40);
        long loyal = ChurnPluginTest.staffCustomer(kehu, token + "忠实");
        ChurnPluginTest.purchases(context, loyal, 12, 30, 5, "1000");
        kehu.runJob(ChurnJob.ID);
        long leavingScore = ((Number) ChurnPluginTest.current(kehu, leaving).get("score")).longValue();
        long loyalScore = ((Number) ChurnPluginTest.current(kehu, loyal).get("score")).longValue();
        assertThat(leavingScore).isGreaterThan(loyalScore);
        String leavingLevel = level((String) ChurnPluginTest.current(kehu, leaving).get("risk_level"));
        String loyalLevel = level((String) ChurnPluginTest.current(kehu, loyal).get("risk_level"));

        try (KehuUi ui = kehu.ui("staff", Locale.SIMPLIFIED_CHINESE)) {
            ui.navigate("forms/customer");
            _setValue(_get(TextField.class, spec -> spec.withId("quick-search")), token);
            Grid<Object> grid = grid();
            assertThat(grid.getColumnByKey("churn_risk")).isNotNull();
            assertThat(rows(grid)).containsExactlyInAnyOrder(
                    token + "久未下单 " + leavingScore + " " + leavingLevel,
                    token + "忠实 " + loyalScore + " " + loyalLevel);

            ComboBox<Object> add = filterPicker();
            Object byRisk = add.getListDataView().getItems()
                    .filter(f -> "流失风险".equals(add.getItemLabelGenerator().apply(f))).findFirst().orElseThrow();
            _setValue(add, byRisk);
            _setValue(_get(BigDecimalField.class, spec -> spec.withId("filter-churn_risk-from")),
                    BigDecimal.valueOf(leavingScore));
            assertThat(rows(grid)).containsExactly(token + "久未下单 " + leavingScore + " " + leavingLevel);
        }
    }

    /** The level's option label as the list shows it. */
    private static String level(String value) {
        return switch (value) {
            case "high" -> "高风险";
            case "medium" -> "中风险";
            default -> "低风险";
        };
    }

    private static List<String> rows(Grid<Object> grid) {
        return IntStream.range(0, Math.min(GridKt._size(grid), 100)).mapToObj(i -> GridKt._getFormatted(grid, i,
                "name") + " " + GridKt._getFormatted(grid, i, "churn_risk") + " "
                + GridKt._getFormatted(grid, i, "churn_risk_level")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Grid<Object> grid() {
        return _get(Grid.class, spec -> spec.withId("record-grid"));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<Object> filterPicker() {
        return _get(ComboBox.class, spec -> spec.withId("filter-add"));
    }
}
