package io.kehu.platform.plugins.sdk;

import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.rules.RuleCompileException;
import io.kehu.platform.rules.RuleEngine;
import io.kehu.platform.rules.RuleRun;
import io.kehu.platform.security.Actor;
import io.kehu.sdk.scripts.PluginScripts;
import java.util.function.Supplier;

/**
 * {@link PluginScripts} over the {@link RuleEngine}: the same sandbox, compile cache and time limit as form rules; the
 * script runs as the plugin itself.
 */
public final class SdkScripts implements PluginScripts {

    private final Supplier<RuleEngine> engine;
    private final FormCatalog catalog;
    private final Actor actor;

    SdkScripts(Supplier<RuleEngine> engine, FormCatalog catalog, Actor actor) {
        this.engine = engine;
        this.catalog = catalog;
        this.actor = actor;
    }

    @Override
    public Script compile(String formId, String script) {
        FormDefinition form = catalog.published(formId)
                .orElseThrow(() -> new IllegalArgumentException("No published form " + formId));
        try {
            engine.get().compile(form, script);
        } catch (RuleCompileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return values -> {
            RuleRun run = engine.get().tryRule(form, script, SdkValues.toPlatform(values), null, actor);
            if (!run.ok()) {
                throw new IllegalStateException(run.error());
            }
            return run.result();
        };
    }
}
