package io.kehu.platform.dashboards.ui;

import io.kehu.platform.metrics.MetricDefinition.Grain;
import io.kehu.platform.metrics.Period;
import java.time.LocalDate;

/** The dashboard's period filter: the choices a manager usually wants, each a calendar period of the viewer's dates. */
enum PeriodChoice {
    THIS_MONTH, LAST_MONTH, THIS_QUARTER, LAST_QUARTER, THIS_YEAR, LAST_12_MONTHS;

    Period period(LocalDate today) {
        return switch (this) {
            case THIS_MONTH -> Period.of(today, Grain.MONTH);
            case LAST_MONTH -> Period.of(today, Grain.MONTH).previous();
            case THIS_QUARTER -> Period.of(today, Grain.QUARTER);
            case LAST_QUARTER -> Period.of(today, Grain.QUARTER).previous();
            case THIS_YEAR -> Period.of(today, Grain.YEAR);
            case LAST_12_MONTHS -> Period.last(12, Grain.MONTH, today);
        };
    }

    String messageKey() {
        return "dashboards.period." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
