package io.kehu.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Compiling thousands of distinct rules through a cache of 200 must not keep a class for each: evicted rules are
 * unloaded with their class loaders, so the number of loaded classes (and Metaspace) stays bounded. Compiling one
 * rule costs about 20 ms on two busy cores.
 */
class RuleClassUnloadingTest {

    private static final int RULES = 3_000;

    @Test
    void thousandsOfDistinctRulesDoNotPileUpClasses() throws InterruptedException {
        Sandbox sandbox = new Sandbox(200, 200, Map.of());
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        for (int i = 0; i < 500; i++) {
            sandbox.eval("record.employees > " + i, Map.of("employees", 1000L)); // warm up Groovy itself
        }
        settle();
        long before = classes.getLoadedClassCount();
        long metaspaceBefore = metaspaceUsed();

        // 3,000 distinct rules through a cache of 200: fifteen times the cache, enough to show classes are unloaded.
        // (10,000 took four minutes of the build once the sandbox's compile-time checks grew.)
        for (int i = 0; i < RULES; i++) {
            assertThat(sandbox.eval("record.employees > " + (1_000_000 + i), Map.of("employees", 5L))).isEqualTo(false);
        }
        settle();
        long after = classes.getLoadedClassCount();
        long metaspaceGrowth = metaspaceUsed() - metaspaceBefore;

        assertThat(sandbox.cache.size()).isLessThanOrEqualTo(200);
        assertThat(after - before).as("classes still loaded after " + RULES + " compilations").isLessThan(2_000);
        assertThat(classes.getUnloadedClassCount()).isGreaterThan(RULES / 2);
        assertThat(metaspaceGrowth).as("Metaspace growth in bytes").isLessThan(64L * 1024 * 1024);
    }

    private static long metaspaceUsed() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getName().equals("Metaspace"))
                .mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    private static void settle() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
        }
    }
}
