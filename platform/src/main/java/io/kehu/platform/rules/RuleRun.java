package io.kehu.platform.rules;

/**
 * The outcome of trying a rule in the rule console.
 *
 * @param result the value the rule produced, or null when it failed
 * @param nanos how long the evaluation took (compilation excluded)
 * @param error what went wrong, or null
 * @param line line of a compile error, 0 otherwise
 * @param column column of a compile error, 0 otherwise
 */
public record RuleRun(Object result, long nanos, String error, int line, int column) {

    public boolean ok() {
        return error == null;
    }
}
