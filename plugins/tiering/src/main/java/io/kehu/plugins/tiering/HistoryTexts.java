package io.kehu.plugins.tiering;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.json.JsonType;
import io.kehu.sdk.users.UserInfo;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code tier_history} row as people read it: the scheme's and levels' names instead of their codes, the movement's
 * label, "客户分级" for the plugin's own scheduled runs, and the metrics snapshot (stored as JSON) as labelled,
 * formatted values: 消费总额 ¥123,456.00 · 购买次数 6 · 最近购买 2025年11月3日 · RFM 总分 12.
 */
final class HistoryTexts {

    private static final JsonType<Map<String, Object>> SNAPSHOT = new JsonType<>() { };
    private static final String PLUGIN_PREFIX = "plugin:";

    private final PluginContext context;
    private final Locale locale;
    private final List<TierScheme> schemes;

    HistoryTexts(PluginContext context, Locale locale) {
        this.context = context;
        this.locale = locale;
        this.schemes = new TieringSettings(context).schemes();
    }

    /** The scheme's name; the code itself only for a scheme deleted since. */
    String scheme(Object schemeId) {
        return scheme(schemeId == null ? null : schemeId.toString()).map(s -> s.name().in(locale))
                .orElse(schemeId == null ? "" : schemeId.toString());
    }

    /** The level's name in the row's scheme (else in any scheme that knows the code); "—" for none. */
    String level(Object schemeId, Object code) {
        if (code == null || code.toString().isBlank()) {
            return "—";
        }
        String c = code.toString();
        Optional<TierLevel> level = scheme(schemeId == null ? null : schemeId.toString()).flatMap(s -> s.level(c))
                .or(() -> schemes.stream().flatMap(s -> s.level(c).stream()).findFirst());
        return level.map(l -> l.name().in(locale)).orElse(c);
    }

    String movement(Object movement) {
        if (movement == null) {
            return "";
        }
        try {
            return Movement.valueOf(movement.toString()).label().in(locale);
        } catch (IllegalArgumentException e) {
            return movement.toString();
        }
    }

    /**
     * Who applied it, as people say it: "系统分级（定时执行）" for the plugin's own scheduled runs and "系统分级（由 李强
     * 执行）" when someone applied a dry run; the row keeps the sign-in name ({@code applied_by}), shown here by the
     * account's display name (the name itself for an account deleted since).
     */
    String appliedBy(Object appliedBy) {
        String by = appliedBy == null ? "" : appliedBy.toString();
        if (by.isBlank()) {
            return "";
        }
        if (by.startsWith(PLUGIN_PREFIX)) {
            return context.messages().get("history.appliedScheduled", locale);
        }
        String name = context.users().byUsername(by).map(UserInfo::displayName).orElse(by);
        return context.messages().get("history.appliedByUser", locale, name);
    }

    /** The metrics snapshot as labelled values; the stored text itself when it is not a snapshot. */
    String metrics(Object json) {
        if (json == null || json.toString().isBlank()) {
            return "";
        }
        Map<String, Object> values;
        try {
            values = context.json().read(json.toString(), SNAPSHOT);
        } catch (RuntimeException e) {
            return json.toString();
        }
        List<String> parts = new ArrayList<>();
        add(parts, "admin.col.spend", money(values.get("total_spend")));
        add(parts, "admin.col.count", number(values.get("purchase_count")));
        add(parts, "metrics.lastPurchase", date(values.get("last_purchase")));
        add(parts, "admin.col.aov", money(values.get("avg_order_value")));
        add(parts, "metrics.rfm", number(values.get("rfm_score")));
        return String.join(" · ", parts);
    }

    private void add(List<String> parts, String key, String value) {
        if (value != null) {
            parts.add(context.messages().get(key, locale) + " " + value);
        }
    }

    /** Amounts are renminbi: ¥1,234.00 in either language (the preview grid's money columns too). */
    static String money(Object value) {
        if (value == null) {
            return null;
        }
        // Renminbi as Chinese staff write it in either language: ¥ and two decimals (en's own sign would be CN¥).
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.CHINA);
        return format.format(new BigDecimal(value.toString()));
    }

    private String number(Object value) {
        return value == null ? null : NumberFormat.getIntegerInstance(locale).format(new BigDecimal(value.toString()));
    }

    private String date(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                    .format(LocalDate.parse(value.toString()));
        } catch (java.time.format.DateTimeParseException e) {
            return value.toString();
        }
    }

    private Optional<TierScheme> scheme(String id) {
        return schemes.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
