package io.kehu.platform.rules;

import java.util.Map;

/**
 * Function sets that come and go at run time (those of started plugins), name → object, with the same rules as
 * {@link RuleFunctions}. The engine reads them at start-up and again on {@link RuleFunctionsChanged}.
 */
public interface RuleFunctionSource {

    Map<String, Object> functions();
}
