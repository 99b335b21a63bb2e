package io.kehu.plugins.tiering;

import io.kehu.sdk.forms.DefinitionText;
import io.kehu.sdk.forms.FormDefinitionProvider;
import java.util.List;
import org.pf4j.Extension;

/**
 * The plugin's forms: {@code tier_history} (one row per level change: the adjustment directory and each customer's
 * level over time) and {@code tier_metrics} (no records: it types the metrics that tier rules see as {@code record}).
 */
@Extension
public class TieringForms implements FormDefinitionProvider {

    static final String HISTORY = "tier_history";
    static final String METRICS = "tier_metrics";

    @Override
    public List<DefinitionText> definitions() {
        return List.of(DefinitionText.fromResource(getClass(), "forms/tier_history.json"),
                DefinitionText.fromResource(getClass(), "forms/tier_metrics.json"));
    }
}
