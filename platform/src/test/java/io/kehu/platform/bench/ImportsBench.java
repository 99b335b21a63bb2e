package io.kehu.platform.bench;

import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.imports.ImportJob;
import io.kehu.platform.imports.ImportMapping;
import io.kehu.platform.imports.ImportMode;
import io.kehu.platform.imports.ImportProgress;
import io.kehu.platform.imports.ImportReport;
import io.kehu.platform.imports.ImportSettings;
import io.kehu.platform.imports.ImportSource;
import io.kehu.platform.imports.Imports;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.KehuTest;
import io.kehu.platform.support.PostgresDatabase;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import jdk.jfr.Recording;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Bench (not in the test suite: its name does not end in Test; run it by name) of an import: N customer rows
 * (default 100,000; {@code -Dkehu.bench.rows=N}) generated once as a CSV under {@code target/} and reused, a dry run
 * ({@code -Dkehu.bench.dryRun=false} leaves it out) and an import (skip bad rows, 1,000 rows per commit) onto the
 * shipped customer form through the whole write path (conversion, checks, unique phone look-ups, the Groovy rule,
 * duplicate look-ups, audit, row keys), on PostgreSQL against {@code COPY} of the same file into a plain table in the
 * same run ({@code -Dkehu.bench.db=h2}: on the embedded H2 database, without COPY).
 *
 * <p>Besides the wall time (noisy on a shared machine) it measures the CPU time per 1,000 rows of this JVM and of
 * the PostgreSQL server processes serving the bench's database, the heap's high-water mark (the heap pools' peaks, reset before each run,
 * garbage included) and the live heap after a full collection at each tenth of the file ({@code -Dkehu.bench.liveHeap=false}: not).
 * {@code -Dkehu.bench.jfr=FILE} records the import with Flight Recorder ("profile" settings);
 * {@code -Dkehu.bench.label=NAME} writes the figures as a section of their own (e.g. before/after a change) of
 * docs/benchmarks.md: {@code mvn -o -pl platform -am test -Dtest=ImportsBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@KehuTest
@DirtiesContext
class ImportsBench {

    private static final boolean POSTGRES = !"h2".equals(System.getProperty("kehu.bench.db"));
    /** {@code -Dkehu.bench.liveHeap=false}: no full collection at each tenth (they stop the run a moment each). */
    private static final boolean LIVE_HEAP = Boolean.parseBoolean(System.getProperty("kehu.bench.liveHeap", "true"));
    private static PostgresDatabase database;

    @Autowired
    Imports imports;
    @Autowired
    FormCatalog forms;
    @Autowired
    FormPublisher publisher;
    @Autowired
    UserAccounts accounts;
    @Autowired
    DataSource dataSource;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        if (POSTGRES) {
            database = PostgresDatabase.create();
            database.register(registry);
            String explainAbove = System.getProperty("kehu.bench.pgLog");
            if (explainAbove != null) {
                logStatements(explainAbove);
            }
        }
    }

    /**
     * {@code -Dkehu.bench.pgLog=MS}: the server logs every statement of the bench's database with its duration, and
     * the plan of each one slower than MS milliseconds ({@code auto_explain}), for new sessions of this database only
     * (which goes away with it). The server's log lines name the process; the bench prints its processes' ids.
     */
    private static void logStatements(String explainAboveMs) {
        try (Connection c = java.sql.DriverManager.getConnection(database.url(), database.user(),
                database.password()); Statement s = c.createStatement()) {
            String name = database.url().substring(database.url().lastIndexOf('/') + 1);
            s.execute("alter database " + name + " set log_min_duration_statement = 0");
            s.execute("alter database " + name + " set session_preload_libraries = 'auto_explain'");
            s.execute("alter database " + name + " set auto_explain.log_min_duration = "
                    + Integer.parseInt(explainAboveMs));
            s.execute("alter database " + name + " set auto_explain.log_analyze = on");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    /** What one timed run cost. */
    private record Cost(double seconds, double jvmCpu, double dbCpu, long heapMb) {

        String row(String what, int rows) {
            return String.format("| %s | %.1f s | %,.0f | %.3f s | %s | %,d MB |", what, seconds, rows / seconds,
                    jvmCpu * 1000 / rows, dbCpu < 0 ? "—" : String.format("%.3f s", dbCpu * 1000 / rows), heapMb);
        }
    }

    @Test
    void importAgainstCopy() throws Exception {
        int rows = Integer.getInteger("kehu.bench.rows", 100_000);
        boolean withDryRun = Boolean.parseBoolean(System.getProperty("kehu.bench.dryRun", "true"));
        boolean skipBadRows = Boolean.parseBoolean(System.getProperty("kehu.bench.skipBadRows", "true"));
        String label = System.getProperty("kehu.bench.label", "");
        publisher.publishAll(new DefinitionReader().readFolder(Path.of("../form-definitions")), "bench", "bench");
        Actor admin = Actor.of(accounts.findByUsername("admin").orElseThrow());
        Path csv = benchFile(rows);
        String load = loadAverage();
        ImportSource source;
        try (var in = Files.newInputStream(csv)) {
            source = imports.keep(in, "bench.csv");
        }
        ImportMapping mapping = imports.proposeMapping(forms.published("customer").orElseThrow(),
                imports.headers(source), admin);
        ImportSettings settings = new ImportSettings("customer", source, mapping, ImportMode.CREATE, skipBadRows);

        Cost dry = null;
        Pace dryPace = new Pace(rows);
        ImportReport[] dryReport = new ImportReport[1];
        if (withDryRun) {
            ImportProgress progress = new ImportProgress();
            dryPace.follow(progress::rows);
            dry = measure(() -> dryReport[0] = imports.dryRun(admin, settings, progress), null);
            dryPace.close();
            if (dryReport[0].created() != rows) {
                throw new AssertionError("expected " + rows + " rows, dry run " + dryReport[0].created());
            }
        }
        long[] job = new long[1];
        Pace runPace = new Pace(rows);
        Cost run = measure(() -> {
            job[0] = imports.start(admin, settings);
            runPace.follow(() -> imports.progress(job[0]).map(ImportProgress::rows).orElse((long) rows));
            while (imports.progress(job[0]).isPresent()) {
                Thread.sleep(50);
            }
            return job[0];
        }, System.getProperty("kehu.bench.jfr"));
        runPace.close();
        ImportJob done = imports.job(admin, job[0]).orElseThrow();
        if (done.created() != rows) {
            throw new AssertionError("expected " + rows + " rows, import " + done.created() + " (" + done.message()
                    + ")");
        }
        if (dryReport[0] != null && (dryReport[0].created() != done.created()
                || dryReport[0].refused() != done.refused() || dryReport[0].duplicates() != done.duplicates())) {
            throw new AssertionError("the dry run's counts differ from the import's: " + dryReport[0] + " / " + done);
        }
        Cost copy = POSTGRES ? copy(csv) : null;
        Cost copyIndexed = POSTGRES ? copyIndexed(csv) : null;
        if (POSTGRES) {
            System.out.println("bench database processes: " + dbCpuTicks().keySet());
        }

        String db = POSTGRES ? "PostgreSQL" : "H2 (embedded)";
        String body = String.format("""
                ### %s, %,d rows%s

                Measured %s on %s, load average (1 min) %s at the start, %s at the end. %,d customer rows (name,
                type and region as Chinese labels, unique phone, e-mail, notes) in a %,d KB CSV, onto the shipped
                `customer` form on %s, %s. CPU columns: seconds of CPU per 1,000 rows, of this JVM (all
                threads) and of the database server's processes for the bench's database (PostgreSQL only).

                | run | time | rows/s | JVM CPU / 1,000 rows | DB CPU / 1,000 rows | heap high-water |
                |---|---:|---:|---:|---:|---:|
                %s

                Pace (rows/s over each tenth of the file, then over the whole file up to 10,000, 50,000 and
                100,000 rows where the file has them): %s

                Live heap (MB in use right after a full collection, `System.gc()`, as each tenth of the file was
                reached; the whole JVM with the Spring context, the database's too on H2): %s
                """, db, rows, label.isEmpty() ? "" : " (" + label + ")", LocalDate.now(), BenchReport.machine(),
                load, loadAverage(), rows, Files.size(csv) / 1024, db, skipBadRows
                        ? "skipping bad rows (a commit per 1,000 rows with the row keys and the job's progress)"
                        : "all or nothing (one transaction over the whole file, like the dry run)",
                String.join("\n", java.util.stream.Stream.of(
                        dry == null ? null : dry.row("dry run (everything, rolled back)", rows),
                        run.row("import", rows),
                        copy == null ? null : copy.row("`COPY` of the same file into a plain table", rows),
                        copyIndexed == null ? null : copyIndexed.row("`COPY` of the same file into a copy of the "
                                + "form's table with its indexes (unique, B-tree, trigram)", rows))
                        .filter(java.util.Objects::nonNull).toList()),
                (withDryRun ? "dry run " + dryPace + "; " : "") + "import " + runPace,
                LIVE_HEAP ? (withDryRun ? "dry run " + dryPace.liveHeap() + "; " : "") + "import "
                        + runPace.liveHeap() : "not measured (`-Dkehu.bench.liveHeap=false`)");
        BenchReport.writeSection(Path.of("../docs/benchmarks.md"), "imports:" + (POSTGRES ? "postgres" : "h2") + ":"
                + rows + (skipBadRows ? "" : ":all-or-nothing") + (label.isEmpty() ? "" : ":" + label), body);
        System.out.println(body);
    }

    /**
     * How the rate of a run holds up as the table grows: a sampler thread notes when each tenth of the rows (and
     * 10,000, 50,000, 100,000 rows) was reached. A run whose look-ups degrade with the table's size slows tenth by
     * tenth; a steady one does not.
     */
    private static final class Pace implements AutoCloseable {

        private static final long[] MARKS = {10_000, 50_000, 100_000};

        private final int rows;
        private final long[] tenthAt = new long[10];
        private final long[] markAt = new long[MARKS.length];
        /** MB of heap in use right after a full collection as each tenth was reached (0: not measured). */
        private final long[] liveAt = new long[10];
        private volatile boolean closed;
        private long t0;

        Pace(int rows) {
            this.rows = rows;
        }

        void follow(java.util.function.LongSupplier done) {
            t0 = System.nanoTime();
            Thread sampler = new Thread(() -> {
                while (!closed) {
                    long n = done.getAsLong();
                    long now = System.nanoTime() - t0;
                    for (int i = 0; i < 10; i++) {
                        if (tenthAt[i] == 0 && n >= (long) rows * (i + 1) / 10) {
                            tenthAt[i] = now;
                            if (LIVE_HEAP) {
                                liveAt[i] = liveHeapMb();
                            }
                            // as it goes, so a run stopped half way still says how far it got and at what cost
                            System.out.printf("bench pace: %,d rows at %.1f s, JVM CPU %.1f s, live heap %s MB, "
                                    + "load %s%n", n, now / 1e9, processCpuNanos() / 1e9,
                                    LIVE_HEAP ? String.format("%,d", liveAt[i]) : "—", loadAverage());
                        }
                    }
                    for (int i = 0; i < MARKS.length; i++) {
                        if (markAt[i] == 0 && n >= MARKS[i]) {
                            markAt[i] = now;
                        }
                    }
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-pace");
            sampler.setDaemon(true);
            sampler.start();
        }

        @Override
        public void close() {
            closed = true;
        }

        /** "186 · 190 · …": the live heap at each tenth, in MB. */
        String liveHeap() {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                b.append(i == 0 ? "" : " · ").append(liveAt[i] == 0 ? "—" : String.format("%,d", liveAt[i]));
            }
            return b.toString();
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            long before = 0;
            for (int i = 0; i < 10; i++) {
                if (tenthAt[i] == 0) {
                    b.append(i == 0 ? "" : " · ").append("—");
                    continue;
                }
                double seconds = Math.max(1e-9, (tenthAt[i] - before) / 1e9);
                b.append(i == 0 ? "" : " · ").append(String.format("%,.0f", rows / 10.0 / seconds));
                before = tenthAt[i];
            }
            for (int i = 0; i < MARKS.length; i++) {
                if (MARKS[i] <= rows && markAt[i] > 0) {
                    b.append(String.format("; %,d rows at %,.0f rows/s", MARKS[i], MARKS[i] / (markAt[i] / 1e9)));
                }
            }
            return b.toString();
        }
    }

    /** The bench file of {@code rows} rows under target/, written by the first run and reused by later ones. */
    private static Path benchFile(int rows) throws IOException {
        Path csv = Path.of("target", "bench-imports-" + rows + ".csv").toAbsolutePath();
        if (Files.exists(csv)) {
            return csv;
        }
        Path part = Files.createTempFile(csv.getParent(), "bench-imports", ".part");
        String[] regions = {"华东", "华南", "华北", "华中", "西南", "西北", "东北"};
        try (BufferedWriter out = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
            out.write("客户名称,客户类型,电话,邮箱,区域,备注\n");
            for (int i = 0; i < rows; i++) {
                out.write("客户" + i + "," + (i % 3 == 0 ? "个人" : "公司") + "," + (13_000_000_000L + i) + ",c" + i
                        + "@example.cn," + regions[i % regions.length] + ",第 " + i + " 行\n");
            }
        }
        Files.move(part, csv);
        return csv;
    }

    private Cost copy(Path csv) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table bench_copy (name varchar(120), customer_type varchar(64), phone varchar(32), "
                    + "email varchar(254), region varchar(64), notes varchar(4000))");
        }
        return measure(() -> {
            try (Connection c = dataSource.getConnection(); Reader in = Files.newBufferedReader(csv)) {
                return c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "copy bench_copy from stdin with (format csv, header true)", in);
            }
        }, null);
    }

    /**
     * {@code COPY} into an empty copy of the customer form's table with all of its indexes (primary key, unique phone,
     * B-tree and trigram search indexes): what the database must do to store the rows at all, without any check,
     * audit row or row key — the floor under the import's database CPU.
     */
    private Cost copyIndexed(Path csv) throws Exception {
        String formTable = io.kehu.platform.forms.FormTables.table("customer");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table bench_copy_indexed (like " + formTable + " including all)");
        }
        return measure(() -> {
            try (Connection c = dataSource.getConnection(); Reader in = Files.newBufferedReader(csv)) {
                return c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_copy_indexed (name, "
                        + "customer_type, phone, email, region, notes) from stdin with (format csv, header true)", in);
            }
        }, null);
    }

    /** Runs {@code work} and says what it cost; with {@code jfr} a Flight Recorder file of it. */
    private Cost measure(Callable<?> work, String jfr) throws Exception {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        Recording recording = null;
        if (jfr != null) {
            recording = new Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            recording.setDestination(Path.of(jfr));
            recording.start();
        }
        Map<Integer, Long> dbBefore = dbCpuTicks();
        long cpu = processCpuNanos();
        long t0 = System.nanoTime();
        try {
            work.call();
        } finally {
            if (recording != null) {
                recording.stop();
                recording.close();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double jvmCpu = (processCpuNanos() - cpu) / 1e9;
        double dbCpu = -1;
        if (POSTGRES) {
            long ticks = 0;
            for (var e : dbCpuTicks().entrySet()) {
                ticks += e.getValue() - dbBefore.getOrDefault(e.getKey(), 0L);
            }
            dbCpu = ticks / 100.0; // USER_HZ
        }
        return new Cost(seconds, jvmCpu, dbCpu, heapPeakMb());
    }

    /** CPU clock ticks so far of the PostgreSQL processes serving the bench's database, by process id. */
    private Map<Integer, Long> dbCpuTicks() throws Exception {
        Map<Integer, Long> out = new HashMap<>();
        if (!POSTGRES) {
            return out;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select pid from pg_stat_activity where datname = current_database()")) {
            while (r.next()) {
                Path stat = Path.of("/proc", Integer.toString(r.getInt(1)), "stat");
                if (Files.isReadable(stat)) {
                    String text = Files.readString(stat);
                    String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
                    out.put(r.getInt(1), Long.parseLong(f[11]) + Long.parseLong(f[12])); // utime + stime
                }
            }
        }
        return out;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The sum of the heap pools' peak use since the last reset: the whole JVM (Spring context included), garbage too. */
    private static long heapPeakMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
    }

    /** MB of heap in use after a full collection: what the run keeps alive, garbage left out. */
    private static long liveHeapMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    private static String loadAverage() {
        return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
