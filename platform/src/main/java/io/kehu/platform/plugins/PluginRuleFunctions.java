package io.kehu.platform.plugins;

import io.kehu.platform.rules.RuleFunctionSource;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Hands the started plugins' {@code ScriptFunctions} to the rules engine. */
@Component
class PluginRuleFunctions implements RuleFunctionSource {

    private final PluginScriptFunctions functions;

    PluginRuleFunctions(PluginScriptFunctions functions) {
        this.functions = functions;
    }

    @Override
    public Map<String, Object> functions() {
        return functions.functions();
    }
}
