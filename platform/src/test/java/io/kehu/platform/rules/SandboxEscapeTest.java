package io.kehu.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.kehu.platform.rules.script.RuleLimitException;
import io.kehu.platform.rules.script.RuleLimits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile rules, read from {@code hostile-rules.tsv} (category, expected stop, name, script): code execution,
 * reflection, class loading, and exhaustion of CPU, memory, stack and output size. Each attempt states how it must be
 * stopped — refused at compile time with a named construct, or a {@link RuleLimitException} of a given kind while
 * running — and it must stop within a second and allocate well under the heap. After each, the host still works: a
 * normal rule evaluates, no thread was started, no system property changed, the thread is not left interrupted and
 * no evaluation is left metering.
 */
class SandboxEscapeTest {

    private static final long MAX_MILLIS = 1_000;
    private static final long MAX_ALLOCATED_BYTES = 512L << 20;
    /**
     * Threads the host starts on its own at any moment while this test shares the JVM with the Spring contexts of other
     * tests: the JDK's cleaner, the common pool (the rule cache's upkeep), the connection pool ("kehu:" — it adds and
     * retires connections) and Vaadin push's scheduler. A rule cannot name a thread like these: creating a thread at
     * all is refused at compile time (see the corpus).
     */
    private static final List<String> HOST_THREADS =
            List.of("Common-Cleaner", "ForkJoinPool.commonPool", "kehu:", "Atmosphere-Scheduler");

    private final Sandbox sandbox = new Sandbox(200, 100, Map.of());
    private Set<Thread> threadsBefore;
    private Properties propertiesBefore;

    record Attempt(String category, String expected, String script) {
    }

    static Stream<Arguments> attempts() throws IOException {
        try (var in = SandboxEscapeTest.class.getResourceAsStream("hostile-rules.tsv");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t", 4))
                    .map(f -> Arguments.of(Named.of(f[0] + ": " + f[2],
                            new Attempt(f[0], f[1], f[3].replace("\\n", "\n")))))
                    .toList().stream();
        }
    }

    @Test
    void theCorpusCoversEveryKindOfAttack() throws IOException {
        Map<String, Long> perCategory = attempts().map(a -> ((Attempt) ((Named<?>) a.get()[0]).getPayload()).category())
                .collect(Collectors.groupingBy(c -> c, Collectors.counting()));
        assertThat(perCategory.values().stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(100);
        assertThat(perCategory.keySet()).contains("exec", "reflection", "classloading", "cpu", "memory", "stack",
                "output");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attempts")
    void isStoppedTheWayItShouldBe(Attempt attempt) {
        String expected = attempt.expected();
        if (expected.startsWith("compile")) {
            var refusal = assertThatThrownBy(() -> sandbox.compile(attempt.script()))
                    .isInstanceOf(RuleCompileException.class);
            if (expected.contains(":")) {
                refusal.hasMessageContaining(expected.substring(expected.indexOf(':') + 1));
            }
            return;
        }
        CompiledRule rule = sandbox.compile(attempt.script());
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        Throwable stop = null;
        try {
            rule.evaluate(Sandbox.context(Map.of("name", "Acme", "amount", 10)));
        } catch (Throwable e) {
            stop = e;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        assertThat(millis).as("milliseconds until stopped").isLessThan(MAX_MILLIS);
        assertThat(allocated).as("bytes allocated").isLessThan(MAX_ALLOCATED_BYTES);
        if (expected.equals("completes")) {
            assertThat(stop).as("completes without a stop").isNull();
            return;
        }
        if (stop == null) {
            fail("expected a stop of kind " + expected + " but the rule completed");
        }
        assertThat(kindOf(stop)).as("how it was stopped (" + stop + ")")
                .isEqualTo(expected.substring("limit:".length()));
    }

    private static String kindOf(Throwable stop) {
        if (stop instanceof RuleLimitException limit) {
            return limit.kind().name();
        }
        if (stop instanceof TimeoutException) {
            return RuleLimitException.Kind.TIME.name();
        }
        return stop.getClass().getName();
    }

    @BeforeEach
    void snapshot() {
        threadsBefore = Thread.getAllStackTraces().keySet();
        propertiesBefore = (Properties) System.getProperties().clone();
    }

    @AfterEach
    void hostStillWorks() {
        assertThat(Thread.currentThread().isInterrupted()).as("thread left interrupted").isFalse();
        assertThat(RuleLimits.metering()).as("an evaluation left metering this thread").isFalse();
        assertThatCode(() -> assertThat(sandbox.eval("record.amount > 100", Map.of("amount", 150))).isEqualTo(true))
                .doesNotThrowAnyException();
        assertThat(sandbox.eval("record.name.contains('cm') && [record.name].toString() == '[Acme]'",
                Map.of("name", "Acme"))).isEqualTo(true);
        Set<Thread> started = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !threadsBefore.contains(t) && t.isAlive()
                        && HOST_THREADS.stream().noneMatch(t.getName()::startsWith))
                .collect(Collectors.toSet());
        assertThat(started).as("threads started by the rule").isEmpty();
        assertThat(System.getProperties()).as("system properties").isEqualTo(propertiesBefore);
    }
}
