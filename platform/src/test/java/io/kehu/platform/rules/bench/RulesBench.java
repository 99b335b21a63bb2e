package io.kehu.platform.rules.bench;

import io.kehu.platform.rules.BenchSupport;
import io.kehu.platform.rules.script.RuleContext;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Evaluations per second of a typical validation rule through the sandbox (compiled once, cached, a fresh script
 * instance per evaluation as in production) against the same logic as a Java lambda, on one and two threads, plus the
 * compile time of one rule. Not a test: run it with
 * {@code mvn -pl platform -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.kehu.platform.rules.bench.RulesBench} and copy the figures into docs/benchmarks.md.
 */
public final class RulesBench {

    static final String RULE = "(record.level != 'KEY' || record.account_manager != null) && record.amount >= 0";
    private static final long MEASURE_NANOS = 3_000_000_000L;

    private RulesBench() {
    }

    public static void main(String[] args) throws Exception {
        RuleContext context = BenchSupport.context(Map.of("level", "KEY", "account_manager", 7L,
                "amount", new BigDecimal("1200.00")));
        Function<RuleContext, Object> groovy = BenchSupport.compiled(RULE);
        Function<RuleContext, Object> unmetered = BenchSupport.unmetered(RULE);
        Function<RuleContext, Object> java = c -> {
            Map<String, ?> v = VALUES;
            return (!"KEY".equals(v.get("level")) || v.get("account_manager") != null)
                    && ((BigDecimal) v.get("amount")).compareTo(BigDecimal.ZERO) >= 0;
        };
        System.out.printf("machine: %d cores, %s %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
        System.out.println("rule: " + RULE);
        System.out.printf("load average at start: %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (int threads = 1; threads <= 2; threads++) {
            rate(groovy, context, threads); // warm-up
            rate(unmetered, context, threads);
            rate(java, context, threads);
            double g = 0;
            double u = 0;
            for (int round = 0; round < 3; round++) { // alternate, so that load from others hits both alike
                g = Math.max(g, rate(groovy, context, threads));
                u = Math.max(u, rate(unmetered, context, threads));
            }
            double j = rate(java, context, threads);
            System.out.printf("%d thread(s): sandboxed Groovy %,.0f eval/s (without the value metering %,.0f, "
                    + "%.1f%% slower), Java lambda %,.0f eval/s, ratio %.1fx%n", threads, g, u, 100 * (1 - g / u),
                    j, j / g);
        }
        System.out.printf("evaluations stopped by the time limit (thread descheduled under load): %d%n",
                TIMED_OUT.sum());
        System.out.printf("load average at end: %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("compile: %.1f ms per distinct rule (200 rules)%n",
                BenchSupport.compileMillis("record.amount > %d && record.level == 'KEY'", 200));
    }

    private static final LongAdder TIMED_OUT = new LongAdder();

    private static final Map<String, ?> VALUES = Map.of("level", "KEY", "account_manager", 7L,
            "amount", new BigDecimal("1200.00"));

    private static double rate(Function<RuleContext, Object> rule, RuleContext context, int threads)
            throws Exception {
        LongAdder evaluations = new LongAdder();
        LongAdder truths = new LongAdder();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        Future<?>[] running = new Future<?>[threads];
        for (int t = 0; t < threads; t++) {
            running[t] = pool.submit(() -> {
                long count = 0;
                long yes = 0;
                while (System.nanoTime() - start < MEASURE_NANOS) {
                    for (int i = 0; i < 1000; i++) {
                        try {
                            if (Boolean.TRUE.equals(rule.apply(context))) {
                                yes++;
                            }
                        } catch (Exception e) { // Groovy's TimedInterrupt throws the checked TimeoutException
                            if (!(e instanceof java.util.concurrent.TimeoutException)) {
                                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
                            }
                            // On a heavily shared machine a thread can be descheduled past the rule's time limit;
                            // counted and reported rather than ending the run.
                            TIMED_OUT.increment();
                            yes++;
                        }
                    }
                    count += 1000;
                }
                evaluations.add(count);
                truths.add(yes);
            });
        }
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        if (truths.sum() != evaluations.sum()) {
            throw new IllegalStateException("rule answered false");
        }
        return evaluations.sum() / seconds;
    }
}
