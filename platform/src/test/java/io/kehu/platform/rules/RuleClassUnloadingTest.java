package io.kehu.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Compiling many distinct rules through a bounded cache must not keep a class per rule: an evicted rule's class is
 * unloaded with its own class loader, so loaded classes and Metaspace stay bounded however many rules are compiled.
 *
 * <p>Why 200 rules through a cache of 20 are enough. This test once compiled 10,000 rules through a cache of 200
 * (94 s on a quiet machine, twenty minutes on a busy one) and still had to allow 2,000 classes to stay: the JDK's and
 * Groovy's caches hold recently used classes through soft references, which a collection only clears once they have
 * gone unused for a while (a second per free megabyte of heap), so only old rules were ever unloaded. Here the rules
 * are compiled in a JVM of their own started with {@code -XX:SoftRefLRUPolicyMSPerMB=0}, where every collection
 * clears soft references, as memory pressure would. Each rule's class is watched through a weak reference, so the
 * test sees exactly which classes are still strongly reachable. With unloading, only the 20 cached ones are; any leak
 * (a cache that does not evict, a loader kept by a static, a thread or a registry holding rules) keeps all 200, ten
 * times as many. The thresholds sit halfway or further from both outcomes, so keeping even a fifth of the rules fails.
 */
class RuleClassUnloadingTest {

    private static final int CACHE_SIZE = 20;
    private static final int RULES = 200;
    private static final String PREFIX = "rule-class-unloading ";

    @Test
    void evictedRulesAreUnloadedAndMetaspaceStaysBounded() throws Exception {
        Map<String, Long> measured = measureInOwnJvm();

        assertThat(measured.get("cacheSize")).isLessThanOrEqualTo(CACHE_SIZE);
        assertThat(measured.get("reachable")).as("rule classes still reachable after compiling %d through a cache of "
                + "%d", RULES, CACHE_SIZE).isLessThanOrEqualTo(CACHE_SIZE + RULES / 10);
        assertThat(measured.get("loaded")).as("classes still loaded").isLessThan(RULES / 2);
        assertThat(measured.get("unloaded")).as("classes unloaded")
                .isGreaterThanOrEqualTo(RULES - CACHE_SIZE - RULES / 10);
        // The cache is full before and after, so bounded the class space ends where it started (measured: +8 KB, a
        // sixth of a cache-full); a leak keeps 180 more classes (measured: +159 KB, three cache-fulls, as the first
        // cache-full's figure includes the JDK classes first loaded with it).
        long perCacheFull = measured.get("metaspacePerCacheFull");
        assertThat(perCacheFull).as("class space of %d new rule classes", CACHE_SIZE).isPositive();
        assertThat(measured.get("metaspaceGrowth")).as("class space growth in bytes (one cache-full of rules is %d)",
                perCacheFull).isLessThan(perCacheFull);
    }

    private static Map<String, Long> measureInOwnJvm() throws IOException, InterruptedException {
        // The test class path (surefire's manifest jar, or an IDE's list) is this JVM's.
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:SoftRefLRUPolicyMSPerMB=0", "-cp", System.getProperty("java.class.path"),
                RuleClassUnloadingTest.class.getName()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(1, TimeUnit.MINUTES)).as("the measuring JVM ends").isTrue();
        assertThat(child.exitValue()).as("exit status of the measuring JVM, whose output was:%n%s", output).isZero();
        Map<String, Long> measured = new HashMap<>();
        output.lines().filter(l -> l.startsWith(PREFIX)).map(l -> l.substring(PREFIX.length()).split("="))
                .forEach(kv -> measured.put(kv[0], Long.parseLong(kv[1])));
        assertThat(measured).as("figures printed by the measuring JVM:%n%s", output).hasSize(6);
        return measured;
    }

    /** Runs in the JVM {@link #measureInOwnJvm()} starts: compiles the rules and prints what it measured. */
    public static void main(String[] args) throws InterruptedException {
        Sandbox sandbox = new Sandbox(200, CACHE_SIZE, Map.of());
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        // The same kind of rules as measured below, through the whole cache and past it, so that Groovy's and the
        // JDK's own classes for compiling, running and evicting them are loaded before the figures start.
        for (int i = 0; i < 2 * CACHE_SIZE; i++) {
            String rule = "record.employees > " + (2_000_000 + i);
            sandbox.compile(rule).type();
            sandbox.eval(rule, Map.of("employees", 5L));
        }
        collectUntilUnloaded(sandbox, List.of());
        long loadedBefore = classes.getLoadedClassCount();
        long unloadedBefore = classes.getUnloadedClassCount();
        long metaspaceBefore = metaspaceUsed();

        List<WeakReference<Class<?>>> compiled = new ArrayList<>(RULES);
        long metaspaceWithCacheFull = 0;
        for (int i = 0; i < RULES; i++) {
            String rule = "record.employees > " + (1_000_000 + i);
            compiled.add(new WeakReference<>(sandbox.compile(rule).type()));
            if (!Boolean.FALSE.equals(sandbox.eval(rule, Map.of("employees", 5L)))) {
                throw new IllegalStateException(rule + " did not evaluate to false");
            }
            if (i == CACHE_SIZE - 1) {
                metaspaceWithCacheFull = metaspaceUsed(); // what one cache-full of new classes costs
            }
        }
        long reachable = collectUntilUnloaded(sandbox, compiled);

        print("cacheSize", sandbox.cache.size());
        print("reachable", reachable);
        print("loaded", classes.getLoadedClassCount() - loadedBefore);
        print("unloaded", classes.getUnloadedClassCount() - unloadedBefore);
        print("metaspacePerCacheFull", metaspaceWithCacheFull - metaspaceBefore);
        print("metaspaceGrowth", metaspaceUsed() - metaspaceBefore);
    }

    /**
     * Collects until at most a cache-full of the watched classes is reachable (or 20 s have passed), and returns how
     * many still are: waiting on the property itself keeps the test quick and stable on a busy machine.
     */
    private static long collectUntilUnloaded(Sandbox sandbox, List<WeakReference<Class<?>>> watched)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        long reachable;
        do {
            sandbox.cache.size(); // runs Caffeine's pending evictions now
            System.gc();
            Thread.sleep(20);
            reachable = watched.stream().filter(r -> r.get() != null).count();
        } while (reachable > CACHE_SIZE && System.nanoTime() < deadline);
        System.gc(); // one more: a class becomes unreachable a collection before its metadata is freed
        return reachable;
    }

    /**
     * The part of Metaspace that holds the classes themselves. The rest of Metaspace also holds the JIT's profiles of
     * running methods, which grow while the loop runs whether or not classes leak; at 200 rules that noise is as large
     * as a leak, while the class space moves only with the classes.
     */
    private static long metaspaceUsed() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getName().equals("Compressed Class Space"))
                .mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    @SuppressWarnings("SystemOut") // the figures go to the parent JVM through standard output
    private static void print(String key, long value) {
        System.out.println(PREFIX + key + "=" + value);
    }
}
