package io.kehu.platform.metrics;

import io.kehu.platform.metrics.MetricDefinition.Unit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * A metric's value as people read it, in its unit and their language: ¥1,234.00, 83.3%, 4.5 小时 / 4.5 h, 1,200. One
 * place for the dashboard's figures and the texts the platform writes about metrics (a KPI breach's task title).
 */
public final class UnitFormat {

    private UnitFormat() {
    }

    public static String format(Unit unit, BigDecimal value, Locale locale) {
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        return switch (unit) {
            case NUMBER -> {
                number.setMaximumFractionDigits(value.scale() > 0 && value.stripTrailingZeros().scale() > 0 ? 1 : 0);
                yield number.format(value);
            }
            case MONEY -> {
                number.setMinimumFractionDigits(2);
                number.setMaximumFractionDigits(2);
                yield "¥" + number.format(value);
            }
            case PERCENT -> percent(value, locale);
            case HOURS -> {
                number.setMaximumFractionDigits(1);
                yield number.format(value) + (Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? " 小时" : " h");
            }
        };
    }

    /** A fraction as a percentage with one decimal, e.g. 0.8333 → 83.3%. */
    public static String percent(BigDecimal fraction, Locale locale) {
        NumberFormat percent = NumberFormat.getPercentInstance(locale);
        percent.setMaximumFractionDigits(1);
        return percent.format(fraction.setScale(4, RoundingMode.HALF_UP));
    }
}
