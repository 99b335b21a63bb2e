package io.kehu.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Compiling 10,000 distinct rules through a cache of 200 must not keep 10,000 classes: evicted rules are unloaded
 * with their class loaders, so the number of loaded classes (and Metaspace) stays bounded. Takes a few minutes on
 * two busy cores: compiling one rule costs about 20 ms.
 */
class RuleClassUnloadingTest {

    @Test
    void tenThousandDistinctRulesDoNotPileUpClasses() throws InterruptedException {
        Sandbox sandbox = new Sandbox(200, 200, Map.of());
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        for (int i = 0; i < 500; i++) {
            sandbox.eval("record.employees > " + i, Map.of("employees", 1000L)); // warm up Groovy itself
        }
        settle();
        long before = classes.getLoadedClassCount();
        long metaspaceBefore = metaspaceUsed();

        for (int i = 0; i < 10_000; i++) {
            assertThat(sandbox.eval("record.employees > " + (1_000_000 + i), Map.of("employees", 5L))).isEqualTo(false);
        }
        settle();
        long after = classes.getLoadedClassCount();
        long metaspaceGrowth = metaspaceUsed() - metaspaceBefore;

        assertThat(sandbox.cache.size()).isLessThanOrEqualTo(200);
        assertThat(after - before).as("classes still loaded after 10,000 compilations").isLessThan(2_000);
        assertThat(classes.getUnloadedClassCount()).isGreaterThan(5_000);
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
