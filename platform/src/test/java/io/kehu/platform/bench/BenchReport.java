package io.kehu.platform.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/** Timings of one bench run, written as a Markdown section of {@code docs/benchmarks.md} (replaced on re-run). */
final class BenchReport {

    /** At least this many calls each way before timing. */
    private static final int MIN_WARM_UP = 20;
    /** Warm-up runs in rounds of about this long ... */
    private static final long WARM_ROUND_NANOS = 1_000_000_000L;
    /** ... for at most this long per read, if the JIT compiler never quietens. */
    private static final long MAX_WARM_UP_NANOS = 30_000_000_000L;
    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final String db;
    private final int customers;
    private final Map<String, Long> loadMillis = new LinkedHashMap<>();
    private final Map<String, Long> rows = new LinkedHashMap<>();
    private final List<String> comparisons = new ArrayList<>();
    private final List<String> loads = new ArrayList<>();

    BenchReport(String db, int customers) {
        this.db = db;
        this.customers = customers;
    }

    void timed(String what, RecordsBench.Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        loadMillis.put(what, (System.nanoTime() - start) / 1_000_000);
        System.out.printf("%s: %d ms%n", what, loadMillis.get(what));
    }

    void rows(String what, long count) {
        rows.put(what, count);
    }

    /**
     * Runs both variants alternately ({@code iterations} times each after a warm-up) and records percentiles. The
     * warm-up goes on in rounds of about a second until the JIT compiler has worked under 1 % of two rounds in a row
     * (at most 30 s): timing while it still compiles the record store's deeper path charges compilation to
     * {@code records}' side, which the steady state of a running server does not have.
     */
    void compare(String what, int iterations, IntFunction<RecordsBench.Work> viaRecords,
                 IntFunction<RecordsBench.Work> byHand) throws Exception {
        String loadBefore = loadAverage();
        int warmed = WarmUp.untilJitQuiet(from -> {
            int calls = 0;
            long round0 = System.nanoTime();
            do {
                viaRecords.apply(from + calls).run();
                byHand.apply(from + calls).run();
                calls++;
            } while (System.nanoTime() - round0 < WARM_ROUND_NANOS);
            return calls;
        }, MIN_WARM_UP, Integer.MAX_VALUE, MAX_WARM_UP_NANOS);
        long jitBefore = WarmUp.jitMillis();
        long[] ours = new long[iterations];
        long[] hand = new long[iterations];
        long[] oursCpu = new long[iterations];
        long[] handCpu = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            ours[i] = time(viaRecords.apply(warmed + i));
            long between = THREADS.getCurrentThreadCpuTime();
            hand[i] = time(byHand.apply(warmed + i));
            oursCpu[i] = between - cpu;
            handCpu[i] = THREADS.getCurrentThreadCpuTime() - between;
        }
        double p95 = percentile(ours, 95);
        double handP95 = percentile(hand, 95);
        // The calling thread's CPU time per call: unlike wall time it hardly moves with the load of a shared machine,
        // so it shows the Java-side cost of the read path (the database's work is in another process).
        comparisons.add(String.format("| %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f× | %.2f / %.2f |", what, iterations,
                percentile(ours, 50), p95, percentile(hand, 50), handP95, p95 / handP95, percentile(oursCpu, 50),
                percentile(handCpu, 50)));
        loads.add(String.format("%s %s → %s (warm-up %,d calls each way, JIT compiler %,d ms while timed)",
                what.substring(0, what.indexOf(')') + 1), loadBefore, loadAverage(), warmed,
                WarmUp.jitMillis() - jitBefore));
        System.out.println(comparisons.get(comparisons.size() - 1) + " load " + loads.get(loads.size() - 1));
    }

    /** The 1-minute load average (Linux), since on a shared machine the figures swing with it. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static long time(RecordsBench.Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("### Records, ").append(db.equals("postgres") ? "PostgreSQL" : "H2").append(", ")
                .append(String.format("%,d", customers)).append(" customers\n\n");
        md.append("Measured ").append(LocalDate.now()).append(" on ").append(machine()).append(".\n\n");
        md.append("Rows: ");
        rows.forEach((k, v) -> md.append(k).append(' ').append(String.format("%,d", v)).append("; "));
        md.append("\nGeneration (set-based SQL, not measured through `records`): ");
        loadMillis.forEach((k, v) -> md.append(k).append(' ').append(String.format("%.1f s", v / 1000.0)).append("; "));
        md.append("\n\n| read | runs | `records` p50 ms | `records` p95 ms | hand SQL p50 ms | hand SQL p95 ms |"
                + " p95 ratio | JVM CPU p50 ms (`records` / hand) |\n|---|---|---|---|---|---|---|---|\n");
        comparisons.forEach(c -> md.append(c).append('\n'));
        md.append("\nLoad average (1 min) before → after each read, warm-up (until the JIT compiler worked under 1 %"
                + " of two one-second rounds in a row) and the compiler's time while timed: ").append(String.join("; ", loads)).append('\n');
        return md.toString();
    }

    void writeTo(Path file) throws IOException {
        writeSection(file, "records:" + db, markdown());
    }

    /**
     * Replaces the part of {@code file} between {@code <!-- bench:NAME:start -->} and {@code <!-- bench:NAME:end -->}
     * with {@code body}, or appends the marked section when the file has none: each bench owns its section of
     * docs/benchmarks.md and leaves the prose around it alone.
     */
    static void writeSection(Path file, String name, String body) throws IOException {
        String start = "<!-- bench:" + name + ":start -->";
        String end = "<!-- bench:" + name + ":end -->";
        String section = start + "\n" + body + end;
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n";
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        text = from >= 0 && to > from
                ? text.substring(0, from) + section + text.substring(to + end.length())
                : text.stripTrailing() + "\n\n" + section + "\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Cores, CPU model, memory and Java version of this machine, for the "Measured ... on ..." line. */
    static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
        } catch (IOException ignored) {
            // not Linux: keep the generic name
        }
        long memoryGb = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() >> 30;
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memoryGb + " GiB, Java "
                + Runtime.version().feature();
    }
}
