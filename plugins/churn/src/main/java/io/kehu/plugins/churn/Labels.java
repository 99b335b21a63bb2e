package io.kehu.plugins.churn;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.forms.FormInfo;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** What screens show instead of ids and codes: customers' names, users' names, option labels of the plugin's forms. */
final class Labels {

    private final PluginContext context;
    private final Locale locale;
    private final Map<Long, String> users = new HashMap<>();

    Labels(PluginContext context, Locale locale) {
        this.context = context;
        this.locale = locale;
    }

    /** The customers' names (title field) of {@code rows}' {@code field}, as the reader may see them. */
    Map<Long, String> customers(List<RecordData> rows, String field) {
        Object[] ids = rows.stream().map(r -> r.get(field)).filter(Number.class::isInstance)
                .map(n -> ((Number) n).longValue()).distinct().toArray();
        String title = context.definitions().form(FeatureExtractor.CUSTOMER).map(FormInfo::titleField).orElse(null);
        Map<Long, String> names = new HashMap<>();
        if (title != null && ids.length > 0) {
            context.recordsOfCurrentUser().search(FeatureExtractor.CUSTOMER).fields(title)
                    .where("id", FilterOperator.IN, ids).limit(ids.length).list()
                    .forEach(c -> names.put(c.id(), Objects.toString(c.get(title), "—")));
        }
        return names;
    }

    /** A user field's value as the user's name, or "nobody". */
    String user(Object id) {
        if (!(id instanceof Number n)) {
            return text("owner.none");
        }
        return users.computeIfAbsent(n.longValue(), k -> context.workflows().enabledUsername(k)
                .orElse(text("owner.none")));
    }

    /** An option of the plugin's own forms ({@code opt.<field>.<value>}); "not filled in" for none. */
    String option(String field, Object value) {
        if (value == null || value.toString().isBlank()) {
            return text("cases.unknown");
        }
        String label = context.messages().get("opt." + field + "." + value, locale);
        return label.startsWith("!") ? value.toString() : label;
    }

    /**
     * The label of the settings ({@code lifecycle_stage=lost}) in the customer form's words: 生命周期阶段为“已流失”,
     * so that the model page never shows the field's and the option's codes; the codes when the form lacks them.
     */
    String lostLabel(String label) {
        int eq = label.indexOf('=');
        if (eq < 0) {
            return label;
        }
        String field = label.substring(0, eq);
        String value = label.substring(eq + 1);
        return context.definitions().form(FeatureExtractor.CUSTOMER)
                .flatMap(f -> f.fields().stream().filter(fi -> fi.id().equals(field)).findFirst())
                .map(fi -> text("model.label", fi.label().in(locale), fi.optionLabel(value).in(locale)))
                .orElse(label);
    }

    String text(String key, Object... args) {
        return context.messages().get(key, locale, args);
    }
}
