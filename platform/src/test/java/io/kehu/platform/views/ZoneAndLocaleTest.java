package io.kehu.platform.views;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import io.kehu.platform.records.Money;
import io.kehu.platform.records.Record;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Times in the browser's time zone (server's when the browser has not said), numbers and money in the UI locale. */
class ZoneAndLocaleTest extends ScreensTest {



    @Test
    void theRecordAndTheListShowTimesInTheBrowsersZone() {
        Record customer = ScreensFixture.customer(records, staff, ScreensFixture.token() + " Zone", "east_china");
        OffsetDateTime at = OffsetDateTime.of(2026, 5, 1, 0, 30, 0, 0, ZoneOffset.UTC);
        Record interaction = records.create(staff, "interaction", Map.of("customer", customer.id(),
                "channel", "phone", "occurred_at", at, "summary", "Zone check",
                "next_follow_up", LocalDate.of(2026, 5, 8)));
        signIn("staff");
        assertThat(UserZone.of(UI.getCurrent())).as("nothing from the browser yet").isEqualTo(ZoneId.systemDefault());
        ExtendedClientDetails.updateFromValues(UI.getCurrent(), key -> "v-tzid".equals(key) ? "Asia/Tokyo" : null);
        assertThat(UserZone.of(UI.getCurrent())).isEqualTo(ZoneId.of("Asia/Tokyo"));

        UI.getCurrent().navigate("forms/interaction/" + interaction.id());
        assertThat(_get(DateTimePicker.class, spec -> spec.withId("field-occurred_at")).getValue())
                .isEqualTo(LocalDateTime.of(2026, 5, 1, 9, 30));

        UI.getCurrent().navigate("forms/interaction");
        @SuppressWarnings("unchecked")
        Grid<Record> grid = _get(Grid.class, spec -> spec.withId("record-grid"));
        int row = GridKt._fetch(grid, 0, 1000).stream().map(Record::id).toList().indexOf(interaction.id());
        assertThat(GridKt._getFormatted(grid, row, "occurred_at")).contains("9:30");
    }

    @Test
    void moneyAndNumbersFollowTheLocale() {
        ValueFormatter zh = new ValueFormatter(Locale.SIMPLIFIED_CHINESE, ZoneId.of("Asia/Shanghai"),
                new UserDirectory(accounts), new ReferenceTitles(records, catalog, staff), key -> key);
        ValueFormatter de = new ValueFormatter(Locale.GERMANY, ZoneId.of("Europe/Berlin"),
                new UserDirectory(accounts), new ReferenceTitles(records, catalog, staff), key -> key);
        Money money = new Money(new BigDecimal("12345.50"), "CNY");
        assertThat(zh.money(money)).isEqualTo("¥12,345.50");
        assertThat(de.money(money)).startsWith("12.345,50").endsWith("CN¥");
        assertThat(de.plain(1234567L)).isEqualTo("1.234.567");
        assertThat(zh.plain(LocalDate.of(2026, 5, 8))).isEqualTo("2026年5月8日");
        assertThat(de.plain(LocalDate.of(2026, 5, 8))).isEqualTo("08.05.2026");
    }
}
