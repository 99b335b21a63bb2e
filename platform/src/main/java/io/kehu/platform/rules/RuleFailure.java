package io.kehu.platform.rules;

/**
 * A rule that threw, timed out or went past a sandbox limit while running. Carries which rule it was, for the user's
 * message and the administrator's log.
 */
final class RuleFailure extends RuntimeException {

    RuleFailure(String rule, Throwable cause) {
        super(rule + ": " + describe(cause), cause);
    }

    static String describe(Throwable cause) {
        if (cause instanceof java.util.concurrent.TimeoutException
                || cause instanceof io.kehu.platform.rules.script.RuleLimitException limit
                && limit.kind() == io.kehu.platform.rules.script.RuleLimitException.Kind.TIME) {
            return "took too long and was stopped";
        }
        if (cause instanceof StackOverflowError) {
            return "nested too deeply";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
