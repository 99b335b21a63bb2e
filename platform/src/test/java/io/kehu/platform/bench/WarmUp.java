package io.kehu.platform.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Warm-up until the JIT compiler is quiet: rounds of calls go on until the compiler has worked under 1 % of two rounds
 * in a row. A fixed warm-up timed the deeper of two paths while C2 was still compiling it (seen in perf and JFR
 * profiles of {@link ApiBench} and {@link RecordsBench}), which charges compilation to that side; a server that runs
 * for days serves compiled code.
 */
final class WarmUp {

    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

    /** One round of warm-up calls; returns how many calls it made. */
    @FunctionalInterface
    interface Round {
        int run(int calledSoFar) throws Exception;
    }

    private WarmUp() {
    }

    /**
     * Runs rounds until at least {@code minCalls} were made and the compiler was quiet for two rounds, or until
     * {@code maxCalls} calls or {@code maxNanos} have gone by; returns the number of calls made.
     */
    static int untilJitQuiet(Round round, int minCalls, int maxCalls, long maxNanos) throws Exception {
        int called = 0;
        int quietRounds = 0;
        long start = System.nanoTime();
        while (called < minCalls
                || quietRounds < 2 && called < maxCalls && System.nanoTime() - start < maxNanos) {
            long jit0 = JIT.getTotalCompilationTime();
            long round0 = System.nanoTime();
            called += round.run(called);
            long roundMillis = (System.nanoTime() - round0) / 1_000_000;
            quietRounds = (JIT.getTotalCompilationTime() - jit0) * 100 < roundMillis ? quietRounds + 1 : 0;
        }
        return called;
    }

    /** The compiler's total time so far, in milliseconds. */
    static long jitMillis() {
        return JIT.getTotalCompilationTime();
    }
}
