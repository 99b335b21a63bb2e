package io.kehu.plugins.loyalty;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.KehuUi;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The plugin's 积分余额 column on the platform's customer list (the real plugin jar, Karibu, H2, zh-CN): each
 * customer's balance from their points account, filterable "≥ 1,000"; gone while the plugin is disabled.
 */
@KehuPluginTest
class CustomerListColumnTest {

    @Test
    void theCustomerListShowsAndFiltersThePointsBalance(KehuTestHost kehu) {
        String token = "积分列" + System.nanoTime() % 1_000_000;
        long rich = customer(kehu, token + "甲");
        long poor = customer(kehu, token + "乙");
        customer(kehu, token + "丙"); // no account: an empty cell, not 0
        Ledger ledger = new Ledger(kehu.context());
        LocalDate today = LocalDate.now();
        ledger.post(Posting.earn(rich, 1500, "purchase/list-" + rich, "base", today));
        ledger.post(Posting.earn(poor, 300, "purchase/list-" + poor, "base", today));

        try (KehuUi ui = kehu.ui("manager", Locale.SIMPLIFIED_CHINESE)) {
            ui.navigate("forms/customer");
            _setValue(_get(TextField.class, spec -> spec.withId("quick-search")), token);
            Grid<Object> grid = grid();
            Grid.Column<Object> balance = grid.getColumnByKey("loyalty_balance");
            assertThat(balance).isNotNull();
            assertThat(balance.isSortable()).isTrue();
            assertThat(rows(grid)).containsExactlyInAnyOrder(token + "甲 1,500", token + "乙 300", token + "丙 ");

            ComboBox<Object> add = filterPicker();
            Object byBalance = add.getListDataView().getItems()
                    .filter(f -> "积分余额".equals(add.getItemLabelGenerator().apply(f))).findFirst().orElseThrow();
            _setValue(add, byBalance);
            _setValue(_get(BigDecimalField.class, spec -> spec.withId("filter-loyalty_balance-from")),
                    new BigDecimal("1000"));
            assertThat(rows(grid)).containsExactly(token + "甲 1,500");
        }

        kehu.disablePlugin();
        try (KehuUi ui = kehu.ui("manager", Locale.SIMPLIFIED_CHINESE)) {
            ui.navigate("forms/customer");
            assertThat(grid().getColumnByKey("loyalty_balance")).isNull();
        } finally {
            kehu.enablePlugin();
        }
    }

    private static long customer(KehuTestHost kehu, String name) {
        String phone = "136" + String.format("%08d", (System.nanoTime() / 1000) % 100_000_000L);
        return kehu.context().records().create("customer", Map.of("name", name, "customer_type", "person",
                "phone", phone)).id();
    }

    /** "name balance" of each row the grid lists (first 100). */
    private static List<String> rows(Grid<Object> grid) {
        int size = GridKt._size(grid);
        return IntStream.range(0, Math.min(size, 100)).mapToObj(i -> GridKt._getFormatted(grid, i, "name") + " "
                + GridKt._getFormatted(grid, i, "loyalty_balance")).toList();
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
