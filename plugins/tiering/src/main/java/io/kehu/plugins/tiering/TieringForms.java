package io.kehu.plugins.tiering;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.forms.DefinitionText;
import io.kehu.sdk.forms.FieldInfo;
import io.kehu.sdk.forms.FormDefinitionProvider;
import io.kehu.sdk.json.JsonType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The plugin's forms: {@code tier_history} (one row per level change: the adjustment directory and each customer's
 * level over time) and {@code tier_metrics} (no records: it types the metrics that tier rules see as {@code record}).
 *
 * <p>The options of {@code tier_history}'s labelled choices ({@code tier_scheme}, {@code from_tier},
 * {@code to_tier}) follow the schemes, which admins define: each time the plugin starts they are the configured
 * schemes and levels with their zh/en names, then the shipped ones, then any option published before (so a level
 * deleted since keeps its option and its stored rows keep a label). The platform republishes only when this
 * differs from the published definition.
 */
@Extension
public class TieringForms implements FormDefinitionProvider {

    static final String HISTORY = "tier_history";
    static final String METRICS = "tier_metrics";
    private static final JsonType<Map<String, Object>> DEFINITION = new JsonType<>() { };

    private final PluginContext context;

    public TieringForms(PluginContext context) {
        this.context = context;
    }

    @Override
    public List<DefinitionText> definitions() {
        DefinitionText history = DefinitionText.fromResource(getClass(), "forms/" + HISTORY + ".json");
        return List.of(new DefinitionText(history.name(), withChoices(history.json())),
                DefinitionText.fromResource(getClass(), "forms/" + METRICS + ".json"));
    }

    /** The shipped {@code tier_history} JSON with the choices' options made from the schemes. */
    String withChoices(String json) {
        List<TierScheme> schemes = new ArrayList<>();
        try {
            schemes.addAll(new TieringSettings(context).schemes());
        } catch (RuntimeException e) {
            // a bad stored setting must not stop the plugin: the admin screen reports it; the shipped schemes remain
            context.logger().warn("tier_history options from the shipped schemes only: {}", e.getMessage());
        }
        schemes.addAll(Schemes.defaults());
        Map<String, LocalText> schemeNames = new LinkedHashMap<>();
        Map<String, LocalText> levelNames = new LinkedHashMap<>();
        for (TierScheme scheme : schemes) {
            schemeNames.putIfAbsent(scheme.id(), scheme.name());
            scheme.levels().forEach(l -> levelNames.putIfAbsent(l.code(), l.name()));
        }
        Map<String, List<String>> published = context.definitions().form(HISTORY)
                .map(form -> form.fields().stream().collect(java.util.stream.Collectors
                        .toMap(FieldInfo::id, FieldInfo::options)))
                .orElse(Map.of());
        Map<String, Object> definition = context.json().read(json, DEFINITION);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fields = (List<Map<String, Object>>) definition.get("fields");
        for (Map<String, Object> field : fields) {
            Object id = field.get("id");
            if ("tier_scheme".equals(id)) {
                field.put("options", options(schemeNames, published.get("tier_scheme")));
            } else if ("from_tier".equals(id) || "to_tier".equals(id)) {
                field.put("options", options(levelNames, published.get(id)));
            }
        }
        return context.json().writePretty(definition);
    }

    private static List<Map<String, Object>> options(Map<String, LocalText> names, List<String> published) {
        Map<String, LocalText> all = new LinkedHashMap<>(names);
        if (published != null) {
            // a label we no longer know: the code itself (only for levels deleted from every scheme)
            published.forEach(code -> all.putIfAbsent(code, LocalText.of(code, code)));
        }
        List<Map<String, Object>> options = new ArrayList<>();
        all.forEach((code, name) -> options.add(Map.of("value", code,
                "label", Map.of("zh", name.in(Locale.CHINESE), "en", name.in(Locale.ENGLISH)))));
        return options;
    }
}
