package io.kehu.platform.rules;

import io.kehu.platform.rules.script.RuleContext;
import io.kehu.platform.rules.script.RuleLimits;
import io.kehu.platform.rules.script.RuleScript;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * A compiled rule class. Every evaluation runs on a new instance: {@code @TimedInterrupt} starts its clock when the
 * instance is made, and instances hold the evaluation's values, so they are never shared between threads. The same
 * deadline is handed to {@link RuleLimits}, which charges work on large values to it between closure starts.
 */
final class CompiledRule {

    private static final String EXPIRE_TIME = "$expireTime";

    private final Class<? extends RuleScript> type;
    private final MethodHandle constructor;
    /** Reads the deadline {@code @TimedInterrupt} put into the instance (a final long field it names). */
    private final MethodHandle deadline;
    /** The fields of the form the rule reads ({@code record.x}, {@code old.x}); null when it cannot be told. */
    private final Set<String> fieldsRead;

    CompiledRule(Class<? extends RuleScript> type, Set<String> fieldsRead) {
        this.type = type;
        this.fieldsRead = fieldsRead == null ? null : Set.copyOf(fieldsRead);
        try {
            this.constructor = MethodHandles.publicLookup().findConstructor(type, MethodType.methodType(void.class))
                    .asType(MethodType.methodType(RuleScript.class));
            Field expire = Arrays.stream(type.getDeclaredFields()).filter(f -> f.getName().endsWith(EXPIRE_TIME))
                    .findFirst().orElseThrow(() -> new IllegalStateException("rule class without a time limit"));
            this.deadline = MethodHandles.privateLookupIn(type, MethodHandles.lookup()).unreflectGetter(expire)
                    .asType(MethodType.methodType(long.class, RuleScript.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("compiled rule has no public constructor", e);
        }
    }

    /**
     * The fields of the form this rule reads, or empty when the rule uses {@code record} or {@code old} in a way
     * whose fields cannot be known before it runs (then it may read any of them).
     */
    Optional<Set<String>> fieldsRead() {
        return Optional.ofNullable(fieldsRead);
    }

    /** The compiled class (the benchmark compares an evaluation without the metering). */
    Class<? extends RuleScript> type() {
        return type;
    }

    /** Runs the rule once on {@code context}; whatever the rule throws is passed on. */
    Object evaluate(RuleContext context) {
        RuleScript script;
        long expires;
        try {
            script = (RuleScript) constructor.invokeExact();
            expires = (long) deadline.invokeExact(script);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        script.bind(context);
        long interrupted = RuleLimits.begin(expires);
        try {
            return script.run();
        } finally {
            RuleLimits.end(interrupted);
        }
    }
}
