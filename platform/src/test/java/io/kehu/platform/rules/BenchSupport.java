package io.kehu.platform.rules;

import io.kehu.platform.rules.script.RuleContext;
import java.util.Map;
import java.util.function.Function;

/** Opens the package-private sandbox to the benchmark in {@code rules.bench}; not used by the platform. */
public final class BenchSupport {

    private BenchSupport() {
    }

    /** A compiled, cached rule over the test customer form as a function of the evaluation context. */
    public static Function<RuleContext, Object> compiled(String script) {
        CompiledRule rule = new Sandbox().compile(script);
        return rule::evaluate;
    }

    /**
     * The same rule evaluated the way it was before values were metered (new instance, bind, run; no deadline handed
     * to {@code RuleLimits}), for a before/after figure in one run.
     */
    public static Function<RuleContext, Object> unmetered(String script) {
        CompiledRule rule = new Sandbox().compile(script);
        java.lang.invoke.MethodHandle constructor;
        try {
            constructor = java.lang.invoke.MethodHandles.publicLookup().findConstructor(rule.type(),
                    java.lang.invoke.MethodType.methodType(void.class)).asType(
                    java.lang.invoke.MethodType.methodType(io.kehu.platform.rules.script.RuleScript.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return context -> {
            io.kehu.platform.rules.script.RuleScript instance;
            try {
                instance = (io.kehu.platform.rules.script.RuleScript) constructor.invokeExact();
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
            instance.bind(context);
            return instance.run();
        };
    }

    /** The context rules see for {@code values} (fixed user, date and time). */
    public static RuleContext context(Map<String, ?> values) {
        return Sandbox.context(values);
    }

    /** Milliseconds to compile each of {@code count} distinct rules shaped like {@code template} (%d = index). */
    public static double compileMillis(String template, int count) {
        Sandbox sandbox = new Sandbox(200, count, Map.of());
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            sandbox.compile(template.formatted(i));
        }
        return (System.nanoTime() - start) / 1e6 / count;
    }
}
