package io.kehu.platform.forms;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Lets the thread that publishes a change inside a transaction see the definitions it is about to commit, before the
 * catalog takes them over after the commit. A workflow publish that renames a state changes its form's status options
 * and moves the records of the old state in the same transaction: the write path must validate those moves against
 * the new options. Other threads keep seeing the committed definitions.
 */
public final class PendingForms {

    private static final ThreadLocal<Map<String, FormDefinition>> CURRENT = new ThreadLocal<>();

    private PendingForms() {
    }

    /** Runs {@code work} with {@code pending} taking the place of the published version of that form. */
    public static <T> T during(FormDefinition pending, Supplier<T> work) {
        Map<String, FormDefinition> outer = CURRENT.get();
        CURRENT.set(Map.of(pending.id(), pending));
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** The definition of {@code formId} this thread is publishing, if any. */
    public static Optional<FormDefinition> of(String formId) {
        Map<String, FormDefinition> pending = CURRENT.get();
        return pending == null ? Optional.empty() : Optional.ofNullable(pending.get(formId));
    }

    /** {@code published} with this thread's pending definition in place of its form's. */
    public static java.util.List<FormDefinition> over(java.util.List<FormDefinition> published) {
        Map<String, FormDefinition> pending = CURRENT.get();
        if (pending == null) {
            return published;
        }
        return published.stream().map(f -> pending.getOrDefault(f.id(), f)).toList();
    }
}
