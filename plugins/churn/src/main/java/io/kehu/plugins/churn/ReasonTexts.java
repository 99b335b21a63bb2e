package io.kehu.plugins.churn;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.forms.FieldInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A customer's measure in business words, zh and en — "已 120 天未购买，通常每 30 天一次" / "No purchase for 120
 * days, usually every 30" — for rule hits without their own reason and for the model's contributions.
 */
final class ReasonTexts {

    private final PluginContext context;
    private final Map<String, LocalText> fieldLabels = new HashMap<>();
    private final Map<String, FieldInfo> fields = new HashMap<>();
    /**
     * Texts already formatted in this run, by key and arguments: a million customers share a few thousand distinct
     * reasons ("no purchase for 120 days, usually every 30"), and formatting each anew (bundle look-up, message and
     * number formats) was a fifth of a scoring run's time. One instance per run, so the memo is dropped with it.
     */
    private final Map<List<Object>, LocalText> memo = new HashMap<>();
    private static final int MEMO_LIMIT = 50_000;

    ReasonTexts(PluginContext context) {
        this.context = context;
        context.definitions().form(FeatureExtractor.CUSTOMER).ifPresent(form -> {
            for (FieldInfo f : form.fields()) {
                fieldLabels.put(f.id(), f.label());
                fields.put(f.id(), f);
            }
        });
    }

    /** The words for a model input ({@code recency_days}, {@code field:region}, {@code field:region=east_china}). */
    LocalText input(FeatureTable table, int row, String input) {
        if (!input.startsWith("field:")) {
            return measure(table, row, input);
        }
        int eq = input.indexOf('=');
        String id = input.substring("field:".length(), eq < 0 ? input.length() : eq);
        LocalText label = fieldLabels.getOrDefault(id, LocalText.of(id, id));
        int j = table.fieldIds.indexOf(id);
        Object value = j < 0 ? null : table.fields[j][row];
        String code = eq < 0 ? null : input.substring(eq + 1);
        if (eq >= 0 && (value == null || !Encoder.text(value).equals(code))) {
            // a 0/1 input that is 0 pushing up: the customer lacks something that keeps others
            LocalText option = option(id, code);
            return both("reason.field.not", new Object[] {label.zh(), option.zh()},
                    new Object[] {label.en(), option.en()});
        }
        LocalText shown = value == null ? LocalText.of("", "") : option(id, Encoder.text(value));
        return both("reason.field", new Object[] {label.zh(), shown.zh()}, new Object[] {label.en(), shown.en()});
    }

    /** A stored value in words: the option's label for a select field, else the value. */
    private LocalText option(String fieldId, String value) {
        FieldInfo field = fields.get(fieldId);
        return field == null ? LocalText.of(value, value) : field.optionLabel(value);
    }

    private LocalText both(String key, Object[] zh, Object[] en) {
        List<Object> memoKey = new ArrayList<>(zh.length + en.length + 1);
        memoKey.add(key);
        memoKey.addAll(Arrays.asList(zh));
        memoKey.addAll(Arrays.asList(en));
        return memoized(memoKey, () -> LocalText.of(context.messages().get(key, Locale.SIMPLIFIED_CHINESE, zh),
                context.messages().get(key, Locale.ENGLISH, en)));
    }

    /** The words for one archive measure of the customer. */
    LocalText measure(FeatureTable table, int row, String measure) {
        double v = table.get(row, measure);
        long whole = Double.isNaN(v) ? 0 : Math.round(v);
        return switch (measure) {
            case "recency_days", "overdue_ratio", "usual_interval_days" -> {
                double usual = table.get(row, "usual_interval_days");
                double recency = table.get(row, "recency_days");
                if (Double.isNaN(recency)) {
                    yield text("reason.never");
                }
                yield Double.isNaN(usual) ? text("reason.recency", Math.round(recency))
                        : text("reason.overdue", Math.round(recency), Math.round(usual));
            }
            case "spend_trend" -> Double.isNaN(v) ? text("reason.spend_trend.unknown")
                    : v < 1 ? text("reason.spend_trend.down", Math.round((1 - v) * 100))
                    : text("reason.spend_trend.up", Math.round((v - 1) * 100));
            case "satisfaction" -> text("reason.satisfaction", one(v));
            case "satisfaction_drop" -> {
                double now = table.get(row, "satisfaction");
                yield v > 0 && !Double.isNaN(now) ? text("reason.satisfaction_drop", one(now + v), one(now))
                        : text("reason.satisfaction", one(now));
            }
            case "nps" -> text("reason.nps", one(v));
            case "total_spend" -> text("reason.total_spend", String.format(Locale.ROOT, "%,.0f", v));
            default -> text("reason." + measure, whole);
        };
    }

    /** One decimal, without a trailing ".0" (4.5, 2). */
    private static String one(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    private LocalText text(String key, Object... args) {
        List<Object> memoKey = new ArrayList<>(args.length + 1);
        memoKey.add(key);
        memoKey.addAll(Arrays.asList(args));
        return memoized(memoKey, () -> LocalText.of(context.messages().get(key, Locale.SIMPLIFIED_CHINESE, args),
                context.messages().get(key, Locale.ENGLISH, args)));
    }

    /** From the memo, or made (and kept while the memo is below its cap: some texts, e.g. a total spend, are unique). */
    private LocalText memoized(List<Object> key, java.util.function.Supplier<LocalText> make) {
        LocalText text = memo.get(key);
        if (text == null) {
            text = make.get();
            if (memo.size() < MEMO_LIMIT) {
                memo.put(key, text);
            }
        }
        return text;
    }
}
