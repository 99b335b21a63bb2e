package io.kehu.platform.dashboards.ui;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldOption;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormTables;
import io.kehu.platform.metrics.MetricDefinition;
import io.kehu.platform.metrics.MetricDefinition.Grain;
import io.kehu.platform.metrics.MetricDefinition.Unit;
import io.kehu.platform.metrics.MetricValue;
import io.kehu.platform.metrics.Period;
import io.kehu.platform.metrics.UnitFormat;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import java.math.BigDecimal;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Figures and names as the viewer reads them: values in the metric's unit, group values as option labels and user
 * names (never codes or ids), periods in the viewer's language.
 */
final class Figures {

    private final Locale locale;
    private final BiFunction<String, Object[], String> texts;
    private final FormCatalog catalog;
    private final Map<Long, String> userNames;

    Figures(Locale locale, BiFunction<String, Object[], String> texts, FormCatalog catalog, UserAccounts accounts) {
        this.locale = locale;
        this.texts = texts;
        this.catalog = catalog;
        this.userNames = accounts.findAll().stream().collect(Collectors.toMap(UserAccount::id,
                UserAccount::displayName, (a, b) -> a));
    }

    String text(String key, Object... params) {
        return texts.apply(key, params);
    }

    Locale locale() {
        return locale;
    }

    /** The value, or a dash when there is none (no records, or too few for a percentage). */
    String value(MetricDefinition metric, MetricValue value) {
        return value.value() == null ? "—" : format(metric.unit(), value.value());
    }

    String format(Unit unit, BigDecimal value) {
        return UnitFormat.format(unit, value, locale);
    }

    /**
     * Has {@code chart} write its values (drawn in the metric's unit, a percentage as 0–100) as the cards do: ¥1,234.00,
     * 83.3%, 4.5 小时 / 4.5 h, 1,200.
     */
    void formatValues(io.kehu.platform.charts.ChartView chart, Unit unit) {
        switch (unit) {
            case MONEY -> chart.formatValues("¥", "", 2, 2);
            case PERCENT -> chart.formatValues("", "%", 0, 1);
            case HOURS -> chart.formatValues("", Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? " 小时"
                    : " h", 0, 1);
            case NUMBER -> chart.formatValues("", "", 0, 1);
        }
    }

    /** A fraction as a percentage with one decimal, e.g. 0.8333 → 83.3%. */
    String percent(BigDecimal fraction) {
        return UnitFormat.percent(fraction, locale);
    }

    /** The name of a group value of {@code field}: an option's label, a user's name, yes/no, or "(empty)". */
    String group(MetricDefinition metric, String field, Object value) {
        if (value == null) {
            return text("dashboards.empty.value");
        }
        FieldDefinition f = catalog.published(metric.form()).flatMap(form -> form.field(field)).orElse(null);
        FieldType type = f == null ? null : f.storedType();
        if (type == FieldType.SELECT) {
            return f.options().stream().filter(o -> o.value().equals(value)).findFirst().map(FieldOption::label)
                    .map(l -> l.in(locale)).filter(l -> !l.isBlank()).orElse(String.valueOf(value));
        }
        if (type == FieldType.USER || FormTables.CREATED_BY.equals(field)) {
            return userNames.getOrDefault(((Number) value).longValue(), text("dashboards.unknownUser"));
        }
        if (type == FieldType.BOOLEAN) {
            return text(Boolean.TRUE.equals(value) ? "dashboards.yes" : "dashboards.no");
        }
        return String.valueOf(value);
    }

    /**
     * Where a group value sorts: an option by its place in the field's options (the order the form designer chose,
     * e.g. the lifecycle stages in sequence), anything else after them in the database's order; empty last.
     */
    /** The option values of the metric form's {@code field}, in their order (none for a field without options). */
    List<String> options(MetricDefinition metric, String field) {
        return catalog.published(metric.form()).flatMap(form -> form.field(field)).map(FieldDefinition::options)
                .orElse(List.of()).stream().map(FieldOption::value).toList();
    }

    int order(MetricDefinition metric, String field, Object value) {
        if (value == null) {
            return Integer.MAX_VALUE;
        }
        List<FieldOption> options = catalog.published(metric.form()).flatMap(form -> form.field(field))
                .map(FieldDefinition::options).orElse(List.of());
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).value().equals(value)) {
                return i;
            }
        }
        return Integer.MAX_VALUE - 1;
    }

    /** {@code groups} (lists of one value of {@code field}) in {@link #order} order. */
    List<List<Object>> sorted(MetricDefinition metric, List<List<Object>> groups) {
        if (metric.groupBy().isEmpty()) {
            return groups;
        }
        String field = metric.groupBy().get(0);
        List<List<Object>> sorted = new java.util.ArrayList<>(groups);
        sorted.sort(java.util.Comparator.comparingInt(g -> g.isEmpty() ? 0 : order(metric, field, g.get(0))));
        return sorted;
    }

    /** A period's name at {@code grain}: 2026年11月 / Nov 2026, 2026年第4季度 / Q4 2026, ... */
    String period(Period period, Grain grain) {
        var start = period.start();
        return switch (grain) {
            case DAY -> text("dashboards.label.day", start.getYear(), start.getMonthValue(), start.getDayOfMonth());
            case WEEK -> text("dashboards.label.week", start.get(IsoFields.WEEK_BASED_YEAR),
                    start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> text("dashboards.label.month", start.getYear(), start.getMonthValue(),
                    start.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, locale));
            case QUARTER -> text("dashboards.label.quarter", start.getYear(), start.get(IsoFields.QUARTER_OF_YEAR));
            case YEAR -> text("dashboards.label.year", start.getYear());
        };
    }

    /** The period as a date range, e.g. 2026-01-01 – 2026-12-31. */
    String range(Period period) {
        return text("dashboards.range", period.start().toString(), period.lastDay().toString());
    }
}
