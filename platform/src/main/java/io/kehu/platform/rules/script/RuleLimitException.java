package io.kehu.platform.rules.script;

/** A rule went past one of the sandbox's limits (text length, number size, related rows, time). */
public final class RuleLimitException extends RuntimeException {

    public RuleLimitException(String message) {
        super(message);
    }
}
