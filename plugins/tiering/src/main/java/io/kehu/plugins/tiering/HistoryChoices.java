package io.kehu.plugins.tiering;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.forms.FieldInfo;
import java.util.List;
import java.util.Map;

/**
 * The labelled select fields of {@code tier_history} ({@code tier_scheme}, {@code from_tier}, {@code to_tier}) that
 * the platform's generic list and record view show instead of the stored codes. Their options are the shipped schemes
 * and levels; levels an admin defines get a label there once the admin adds them as options in the form designer
 * (as for the customer's level field). Until then the choice is left empty rather than refused, so an apply never
 * fails for it; the codes stay in {@code scheme}/{@code old_level}/{@code new_level} for rules, the plugin's screens
 * and the CSV export.
 */
final class HistoryChoices {

    private final Map<String, List<String>> options;

    HistoryChoices(PluginContext context) {
        this.options = context.definitions().form(TieringForms.HISTORY)
                .map(form -> form.fields().stream().collect(java.util.stream.Collectors
                        .toMap(FieldInfo::id, FieldInfo::options)))
                .orElse(Map.of());
    }

    /** Puts {@code code} as the value of select {@code field} when it is one of its options. */
    void put(Map<String, Object> values, String field, String code) {
        if (code != null && options.getOrDefault(field, List.of()).contains(code)) {
            values.put(field, code);
        }
    }
}
