package io.kehu.plugins.tiering;

import io.kehu.sdk.LocalText;

/** How long an evaluation period is. */
public enum PeriodKind {
    /** 1 January to 31 December (the default). */
    CALENDAR_YEAR(LocalText.of("自然年", "Calendar year")),
    /** Calendar quarters. */
    QUARTER(LocalText.of("季度", "Quarter")),
    /** The twelve months before the first day of a month. */
    ROLLING_12_MONTHS(LocalText.of("滚动 12 个月", "Rolling 12 months"));

    private final LocalText label;

    PeriodKind(LocalText label) {
        this.label = label;
    }

    public LocalText label() {
        return label;
    }
}
