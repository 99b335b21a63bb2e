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
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Bench (not in the test suite: its name does not end in Test; run it by name) of an import on PostgreSQL: N customer
 * rows (default 100,000; {@code -Dkehu.bench.rows=N}) generated as a CSV, a dry run and an import (skip bad rows,
 * 1,000 rows per commit) onto the shipped customer form through the whole write path (conversion, checks, unique
 * phone look-ups, the Groovy rule, audit), against {@code COPY} of the same file into a plain table in the same run.
 * Writes its section of docs/benchmarks.md:
 * {@code mvn -o -pl platform -am test -Dtest=ImportsBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@KehuTest
@DirtiesContext
class ImportsBench {

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
        database = PostgresDatabase.create();
        database.register(registry);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        database.close();
    }

    @Test
    void importAgainstCopy() throws Exception {
        int rows = Integer.getInteger("kehu.bench.rows", 100_000);
        publisher.publishAll(new DefinitionReader().readFolder(Path.of("../form-definitions")), "bench", "bench");
        Actor admin = Actor.of(accounts.findByUsername("admin").orElseThrow());
        Path csv = Files.createTempFile("imports-bench", ".csv");
        String[] regions = {"华东", "华南", "华北", "华中", "西南", "西北", "东北"};
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("客户名称,客户类型,电话,邮箱,区域,备注\n");
            for (int i = 0; i < rows; i++) {
                out.write("客户" + i + "," + (i % 3 == 0 ? "个人" : "公司") + "," + (13_000_000_000L + i) + ",c" + i
                        + "@example.cn," + regions[i % regions.length] + ",第 " + i + " 行\n");
            }
        }
        String load = loadAverage();
        ImportSource source;
        try (var in = Files.newInputStream(csv)) {
            source = imports.keep(in, "bench.csv");
        }
        ImportMapping mapping = imports.proposeMapping(forms.published("customer").orElseThrow(),
                imports.headers(source), admin);
        ImportSettings settings = new ImportSettings("customer", source, mapping, ImportMode.CREATE, true);

        resetPeaks();
        long t0 = System.nanoTime();
        ImportReport dry = imports.dryRun(admin, settings, new ImportProgress());
        double drySeconds = (System.nanoTime() - t0) / 1e9;
        long dryHeap = heapPeakMb();

        resetPeaks();
        t0 = System.nanoTime();
        long job = imports.runNow(admin, settings);
        double importSeconds = (System.nanoTime() - t0) / 1e9;
        long importHeap = heapPeakMb();
        ImportJob done = imports.job(admin, job).orElseThrow();
        if (done.created() != rows || dry.created() != rows) {
            throw new AssertionError("expected " + rows + " rows, dry run " + dry.created() + ", import "
                    + done.created() + " (" + done.message() + ")");
        }

        double copySeconds;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table bench_copy (name varchar(120), customer_type varchar(64), phone varchar(32), "
                    + "email varchar(254), region varchar(64), notes varchar(4000))");
            t0 = System.nanoTime();
            try (Reader in = Files.newBufferedReader(csv)) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "copy bench_copy from stdin with (format csv, header true)", in);
            }
            copySeconds = (System.nanoTime() - t0) / 1e9;
        }
        String body = String.format("""
                Measured %s on %s, load average (1 min) %s at the start, %s at the end (other builds were running on
                the shared machine). %,d customer rows (name, type and region as Chinese labels, unique phone, e-mail,
                notes) in a %,d KB CSV, onto the shipped `customer` form on PostgreSQL through `BulkRecords.batch`
                (conversion, definition checks, unique-phone look-ups, the Groovy rule "phone or e-mail", audit rows,
                events), skip-bad-rows mode (a commit per 1,000 rows with the row keys and the job's progress).

                | run | time | rows/s | heap high-water |
                |---|---:|---:|---:|
                | dry run (everything, rolled back) | %.1f s | %,.0f | %,d MB |
                | import | %.1f s | %,.0f | %,d MB |
                | `COPY` of the same file into a plain table | %.1f s | %,.0f | — |

                The heap high-water is the sum of the heap pools' peak usage during the run (reset before it), for the
                whole test JVM (Spring context included), garbage included. The file is streamed and written in
                chunks, so it should not grow with the row count; only this row count was measured. Run:
                `mvn -o -pl platform -am test -Dtest=ImportsBench -Dsurefire.failIfNoSpecifiedTests=false`
                (`-Dkehu.bench.rows=N` for another size).
                """, LocalDate.now(), BenchReport.machine(), load, loadAverage(), rows, Files.size(csv) / 1024,
                drySeconds, rows / drySeconds, dryHeap, importSeconds, rows / importSeconds, importHeap,
                copySeconds, rows / copySeconds);
        BenchReport.writeSection(Path.of("../docs/benchmarks.md"), "imports:postgres", "## Imports (`ImportsBench`)\n\n"
                + body);
        System.out.println(body);
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long heapPeakMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
    }

    private static String loadAverage() {
        return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
