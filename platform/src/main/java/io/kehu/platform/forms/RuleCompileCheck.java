package io.kehu.platform.forms;

import java.util.Optional;
import java.util.Set;

/**
 * The hook through which the rules engine tells the definition reader whether a Groovy script of a definition compiles,
 * so that a broken rule is refused together with the rest of the definition's problems instead of failing on the
 * first save. Until a rules engine registers one (as a Spring bean, or passed to the reader's constructor), scripts
 * are accepted as written: {@link #ACCEPT_ALL}.
 */
@FunctionalInterface
public interface RuleCompileCheck {

    /** Accepts every script; used when no rules engine is present. */
    RuleCompileCheck ACCEPT_ALL = (form, kind, script) -> Optional.empty();

    /**
     * Why {@code script} cannot run, or empty when it compiles.
     *
     * @param form the form the script belongs to (its fields are what {@code record} exposes)
     * @param kind what the script is used for, which decides the result it must produce
     * @param script the Groovy source as written in the definition
     */
    Optional<String> problem(FormDefinition form, ScriptKind kind, String script);

    /**
     * The fields of {@code form} that {@code script} reads ({@code record.x}, {@code old.x}), or empty when that
     * cannot be told before it runs (it hands the record on, or computes a field name): then it may read any field.
     * Without a rules engine no script runs, so none reads anything.
     */
    default Optional<Set<String>> fieldsRead(FormDefinition form, String script) {
        return Optional.of(Set.of());
    }

    /** The places a definition holds Groovy. */
    enum ScriptKind {
        /** A form rule ({@code rules[].script}): a condition, false refuses the save. */
        VALIDATION_RULE,
        /** A field's {@code visibleWhen}: a condition. */
        VISIBLE_WHEN,
        /** A field's {@code requiredWhen}: a condition. */
        REQUIRED_WHEN,
        /** A computed field's {@code expression}: a value of its {@code resultType}. */
        COMPUTED_EXPRESSION
    }
}
