package io.kehu.platform.rules;

import io.kehu.platform.rules.script.RuleContext;
import io.kehu.platform.rules.script.RuleScript;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * A compiled rule class. Every evaluation runs on a new instance: {@code @TimedInterrupt} starts its clock when the
 * instance is made, and instances hold the evaluation's values, so they are never shared between threads.
 */
final class CompiledRule {

    private final MethodHandle constructor;

    CompiledRule(Class<? extends RuleScript> type) {
        try {
            this.constructor = MethodHandles.publicLookup().findConstructor(type, MethodType.methodType(void.class))
                    .asType(MethodType.methodType(RuleScript.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("compiled rule has no public constructor", e);
        }
    }

    /** Runs the rule once on {@code context}; whatever the rule throws is passed on. */
    Object evaluate(RuleContext context) {
        RuleScript script;
        try {
            script = (RuleScript) constructor.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        script.bind(context);
        return script.run();
    }
}
