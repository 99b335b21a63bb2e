package io.kehu.platform.rules;

/** Published (as a Spring event) when the set of rule functions may have changed, e.g. a plugin started or stopped. */
public record RuleFunctionsChanged(String reason) {
}
