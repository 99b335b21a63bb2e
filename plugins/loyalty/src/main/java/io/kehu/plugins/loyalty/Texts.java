package io.kehu.plugins.loyalty;

import com.vaadin.flow.component.UI;
import io.kehu.sdk.PluginContext;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** The screens' words and formatted values in the user's language (zh-CN first, English otherwise). */
final class Texts {

    private final PluginContext context;
    private final Locale locale;

    Texts(PluginContext context) {
        this.context = context;
        this.locale = UI.getCurrent() == null ? Locale.SIMPLIFIED_CHINESE : UI.getCurrent().getLocale();
    }

    String get(String key, Object... args) {
        return context.messages().get(key, locale, args);
    }

    /** Whether the user reads Chinese (names the admin gave in two languages are shown in it). */
    boolean chinese() {
        return "zh".equals(locale.getLanguage());
    }

    String points(long points) {
        return NumberFormat.getIntegerInstance(locale).format(points);
    }

    String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    /** Yuan with grouping and two decimals: ¥1,234.00 (−¥5.00 below zero). */
    String money(BigDecimal yuan) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        BigDecimal v = yuan == null ? BigDecimal.ZERO : yuan;
        return (v.signum() < 0 ? "-¥" : "¥") + f.format(v.abs());
    }

    /** A month as its readers write it: 2026年3月, Mar 2026. */
    String month(LocalDate firstDay) {
        return firstDay == null ? "" : DateTimeFormatter.ofPattern(chinese() ? "y年M月" : "MMM y", locale)
                .format(firstDay);
    }

    /** Points with a sign when above zero: +1,200, -300, 0. */
    String signed(long points) {
        return points > 0 ? "+" + points(points) : points(points);
    }

    /** An option's label from the bundle ({@code prefix.CODE}), or a neutral word when the bundle has none. */
    String option(String prefix, String code) {
        String key = prefix + "." + code;
        String text = context.messages().get(key, locale);
        return text == null || text.equals("!" + key + "!") ? get(prefix + ".other") : text;
    }
}
