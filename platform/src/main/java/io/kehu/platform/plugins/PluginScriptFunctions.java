package io.kehu.platform.plugins;

import io.kehu.sdk.scripts.ScriptFunctions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * The functions started plugins offer to form rules ({@link ScriptFunctions}), for the rules engine to bind: name →
 * object. Ask again for each compilation: the set changes as plugins start and stop. A name claimed twice goes to the
 * plugin whose id sorts first; the other one is reported on its plugin.
 */
@Service
public class PluginScriptFunctions {

    private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9]*");

    private final PluginRegistry registry;

    PluginScriptFunctions(PluginRegistry registry) {
        this.registry = registry;
    }

    /** The functions objects by name. */
    public Map<String, Object> functions() {
        Map<String, Object> functions = new LinkedHashMap<>();
        for (var c : registry.contributions(ScriptFunctions.class)) {
            try {
                String name = c.extension().name();
                if (name == null || !NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("Script function name '" + name + "' is not an identifier.");
                }
                if (functions.putIfAbsent(name, c.extension().functions()) != null) {
                    throw new IllegalStateException("Script function name '" + name + "' is taken by another plugin.");
                }
            } catch (RuntimeException | LinkageError e) {
                registry.reportError(c.plugin().pluginId(), c.extension().getClass().getName(), e);
            }
        }
        return functions;
    }
}
