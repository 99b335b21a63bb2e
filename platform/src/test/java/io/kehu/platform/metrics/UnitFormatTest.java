package io.kehu.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.metrics.MetricDefinition.Unit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class UnitFormatTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Test
    void valuesReadAsPeopleWriteThemInEitherLanguage() {
        assertThat(UnitFormat.format(Unit.MONEY, new BigDecimal("1234"), ZH)).isEqualTo("¥1,234.00");
        assertThat(UnitFormat.format(Unit.NUMBER, new BigDecimal("1200"), ZH)).isEqualTo("1,200");
        assertThat(UnitFormat.format(Unit.NUMBER, new BigDecimal("2.50"), ZH)).isEqualTo("2.5");
        assertThat(UnitFormat.format(Unit.PERCENT, new BigDecimal("0.8333"), ZH)).isEqualTo("83.3%");
        assertThat(UnitFormat.format(Unit.HOURS, new BigDecimal("4.46"), ZH)).isEqualTo("4.5 小时");
        assertThat(UnitFormat.format(Unit.HOURS, new BigDecimal("4.46"), Locale.ENGLISH)).isEqualTo("4.5 h");
    }

    @Test
    void aKpiBreachTitleShowsMoneyWithThousandsSeparators() {
        MetricDefinition revenue = new MetricDefinition("revenue", 1, LocalizedText.of("销售额", "Revenue"), "purchase",
                new MetricDefinition.Measure(MetricDefinition.Function.SUM, "amount", null, List.of(), null,
                        null, null),
                List.of(), List.of(), null, false,
                new MetricDefinition.Target(new BigDecimal("50000"), MetricDefinition.Direction.AT_LEAST, "manager"), 0,
                Unit.MONEY);
        LocalizedText title = KpiBreaches.title(revenue,
                Period.of(LocalDate.of(2026, 11, 15), MetricDefinition.Grain.MONTH), new BigDecimal("12345.6"));
        assertThat(title.zh()).endsWith("为 ¥12,345.60，目标 ≥ ¥50,000.00");
        assertThat(title.en()).endsWith("was ¥12,345.60, target ≥ ¥50,000.00");
    }
}
