package io.kehu.sdk.testkit;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a plugin's benchmark command reports beside its timings, the same way in every plugin: the machine's load, the
 * CPU spent by this JVM and by the bench database's PostgreSQL backends (wall time on a shared machine says little;
 * CPU says where the work was), percentiles, durations; and the two JDBC one-liners every fixture loader needs.
 * Benchmarks are {@code main} commands in a plugin's test sources, not tests (see docs/benchmarks.md).
 */
public final class BenchFigures {

    private BenchFigures() {
    }

    /** The 1, 5 and 15 minute load averages ({@code /proc/loadavg}), or "?" where there is none. */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    /**
     * CPU seconds so far of this JVM (all threads) and of the client backends connected to database {@code dbName}
     * (from {@code /proc/<pid>/stat}: PostgreSQL on the same Linux machine), as {@code {jvm, database}}; take it
     * before and after and pass both to {@link #cpuSeconds}.
     */
    public static double[] cpu(Connection db, String dbName) throws SQLException {
        double server = 0;
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("select pid from pg_stat_activity "
                + "where datname = '" + dbName.replace("'", "''") + "' and backend_type = 'client backend'")) {
            while (r.next()) {
                try {
                    String stat = Files.readString(Path.of("/proc/" + r.getInt(1) + "/stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    server += (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime + stime, in ticks
                } catch (java.io.IOException | RuntimeException e) {
                    // not Linux, or the backend just ended: count nothing for it
                }
            }
        }
        var os = ManagementFactory.getOperatingSystemMXBean();
        double jvm = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : 0;
        return new double[] {jvm, server};
    }

    /** "JVM s / database s" spent between two {@link #cpu} readings. */
    public static String cpuSeconds(double[] from, double[] to) {
        return String.format("%.1f s / %.1f s", to[0] - from[0], to[1] - from[1]);
    }

    /** p50 / p95 / p99 of {@code nanos} in milliseconds. */
    public static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        List<String> out = new ArrayList<>();
        for (double q : new double[] {0.5, 0.95, 0.99}) {
            out.add(String.format("%.2f ms", sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))] / 1e6));
        }
        return String.join(" / ", out);
    }

    /** The seconds since a {@link System#nanoTime()} reading, e.g. "12.3 s". */
    public static String seconds(long start) {
        return seconds(start, System.nanoTime());
    }

    /** The seconds between two {@link System#nanoTime()} readings, e.g. "12.3 s". */
    public static String seconds(long start, long end) {
        return String.format("%.1f s", (end - start) / 1e9);
    }

    /** Runs one statement. */
    public static void exec(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }

    /** The first column of the first row of {@code sql} as a number (0 without a row). */
    public static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getLong(1) : 0;
        }
    }
}
