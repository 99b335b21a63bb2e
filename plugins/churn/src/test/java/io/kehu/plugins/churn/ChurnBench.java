package io.kehu.plugins.churn;

import static io.kehu.sdk.testkit.BenchFigures.count;
import static io.kehu.sdk.testkit.BenchFigures.cpu;
import static io.kehu.sdk.testkit.BenchFigures.cpuSeconds;
import static io.kehu.sdk.testkit.BenchFigures.exec;
import static io.kehu.sdk.testkit.BenchFigures.loadAverage;
import static io.kehu.sdk.testkit.BenchFigures.seconds;

import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.PluginUnderTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;

/**
 * Bench command (not a test): the churn plugin on PostgreSQL with {@code bench.customers} customers (default
 * 1,000,000) and ten purchases each (10,000,000), measured against a hand-written baseline in the same run on the same
 * data: the same features by one SQL query (a {@code GROUP BY} with {@code FILTER} windows, joined to the customers)
 * read into the JVM, and one row per customer written with {@code COPY} into a table with the same columns and
 * indexes as {@code frm_churn_score}.
 *
 * <p>The fixture is generated once with set-based SQL into the database {@code bench.db} (kept between runs: generate
 * once, reuse; drop it by hand) and ANALYZEd (the shared server runs with autovacuum off). Each run empties the score
 * table and its audit rows first, so "first scoring" writes a row for every customer who has not left. Lost customers
 * (every tenth) stopped buying 90–450 days ago and have a churn case whose {@code lost_on} is 60 days after their
 * purchases ended, so training uses per-customer cut-offs. Writes the figures to {@code bench.out}.
 *
 * <p>Run: see docs/benchmarks.md ("Churn plugin").
 */
public final class ChurnBench {

    private static final String SERVER = System.getProperty("bench.pg", "jdbc:postgresql://127.0.0.1:5432/");

    private ChurnBench() {
    }

    public static void main(String[] args) throws Exception {
        int customers = Integer.parseInt(System.getProperty("bench.customers", "1000000"));
        String dbName = System.getProperty("bench.db", "kehu_bench_churn_" + customers);
        boolean train = Boolean.parseBoolean(System.getProperty("bench.train", "true"));
        boolean fresh = !exists(dbName);
        if (fresh) {
            admin("create database " + dbName);
        }
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("date", java.time.OffsetDateTime.now().withNano(0).toString());
        figures.put("machine", machine());
        try (KehuTestHost kehu = KehuTestHost.builder().plugin(PluginUnderTest.fromBuild())
                .database(SERVER + dbName, "postgres", "").seedForms(true).demoCustomers(0)
                .property("logging.level.root", "warn").start();
             Connection db = DriverManager.getConnection(SERVER + dbName, "postgres", "")) {
            // the churn cases are loaded last: a load cut short (the process ended) is loaded again, not measured
            if (fresh || count(db, "select count(*) from frm_customer") != customers
                    || count(db, "select count(*) from frm_churn_case") != customers / 10) {
                long t = System.nanoTime();
                load(db, customers);
                figures.put("fixture load (set-based SQL + VACUUM ANALYZE, not measured work)", seconds(t));
            }
            figures.put("customers / purchases / complaints / churn cases", count(db, "select count(*) from frm_customer")
                    + " / " + count(db, "select count(*) from frm_purchase") + " / "
                    + count(db, "select count(*) from frm_feedback") + " / "
                    + count(db, "select count(*) from frm_churn_case"));
            exec(db, "truncate frm_churn_score");
            exec(db, "delete from kehu_audit where form_id = 'churn_score'");
            exec(db, "vacuum analyze frm_churn_score");
            exec(db, "vacuum analyze kehu_audit");

            ChurnService service = new ChurnService(kehu.context());
            ChurnSettings settings = new ChurnSettings(kehu.context());
            Phases phases = new Phases();
            if (train) {
                String load0 = loadAverage();
                long t0 = System.nanoTime();
                ChurnModel card = service.train(LocalDate.now(), ChurnModel.SCORECARD, 42, phases, () -> false);
                long t1 = System.nanoTime();
                figures.put("training, binned scorecard (per-customer cut-offs)", seconds(t0, t1) + " (holdout AUC "
                        + String.format("%.3f", card.evaluation().auc()) + "; load " + load0 + " → " + loadAverage()
                        + ")");
                figures.put("training phases", phases.take());
                settings.activate(card.version());
            } else if (settings.activeModel().isEmpty()) {
                ChurnModel card = service.train(LocalDate.now(), ChurnModel.SCORECARD, 42, Progress.NONE,
                        () -> false);
                settings.activate(card.version());
            }
            java.util.function.Supplier<Object> recording = Profiling.start(System.getProperty("bench.jfr"));
            String load1 = loadAverage();
            double[] cpu0 = cpu(db, dbName);
            long s0 = System.nanoTime();
            ChurnService.Outcome first = service.scoreAll(LocalDate.now(), null, phases, () -> false);
            long s1 = System.nanoTime();
            double[] cpu1 = cpu(db, dbName);
            recording.get();
            figures.put("first scoring (features, scores, " + first.written() + " score rows written)",
                    seconds(s0, s1) + " (load " + load1 + " → " + loadAverage() + "; CPU JVM / PostgreSQL "
                            + cpuSeconds(cpu0, cpu1) + ")");
            figures.put("first scoring phases", phases.take());
            figures.put("scored / high / tasks", first.customers() + " / " + first.high() + " / " + first.tasks());
            long r0 = System.nanoTime();
            ChurnService.Outcome second = service.scoreAll(LocalDate.now(), null, phases, () -> false);
            long r1 = System.nanoTime();
            figures.put("re-scoring, nothing changed (" + second.written() + " rows written)", seconds(r0, r1)
                    + " (load " + loadAverage() + ")");
            figures.put("re-scoring phases", phases.take());

            exec(db, "vacuum analyze frm_churn_score");
            double[] b0 = cpu(db, dbName);
            long h0 = System.nanoTime();
            int baselineRows = baseline(db, LocalDate.now());
            long h1 = System.nanoTime();
            double[] b1 = cpu(db, dbName);
            figures.put("baseline: the same features by hand SQL + " + baselineRows + " rows by COPY",
                    seconds(h0, h1) + " (load " + loadAverage() + "; CPU JVM / PostgreSQL " + cpuSeconds(b0, b1) + ")");
            figures.put("plugin first scoring / baseline", String.format("%.2f×", (double) (s1 - s0) / (h1 - h0)));
        }
        StringBuilder md = new StringBuilder();
        figures.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        System.out.println(md);
        Path out = Path.of(System.getProperty("bench.out", "target/churn-bench.md"));
        Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
    }

    /** Progress notes with the time each phase started, as "note 1.2 s, ..." (what the JFR profile is read against). */
    static final class Phases implements Progress {
        private final StringBuilder text = new StringBuilder();
        private String note;
        private long since = System.nanoTime();

        @Override
        public void report(long done, long total, String newNote) {
            if (!newNote.equals(note)) {
                close();
                note = newNote;
            }
        }

        private void close() {
            long now = System.nanoTime();
            if (note != null) {
                text.append(text.isEmpty() ? "" : ", ").append(note).append(' ')
                        .append(String.format("%.1f s", (now - since) / 1e9));
            }
            since = now;
        }

        String take() {
            close();
            String s = text.toString();
            text.setLength(0);
            note = null;
            return s;
        }
    }

    /** A JFR recording of the scoring, dumped to {@code file} when asked for (null: none). */
    static final class Profiling {
        static java.util.function.Supplier<Object> start(String file) throws Exception {
            if (file == null || file.isBlank()) {
                return () -> null;
            }
            jdk.jfr.Recording r = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            r.start();
            return () -> {
                try {
                    r.dump(Path.of(file));
                    r.close();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return null;
            };
        }
    }

    /**
     * The hand-written job: the same purchase and complaint features for every customer in one query (the windows
     * as {@code FILTER} clauses), read into the JVM, and one score row per customer who has not left written with
     * {@code COPY} into a copy of the score table (same columns and indexes), in one transaction.
     */
    private static int baseline(Connection db, LocalDate asOf) throws Exception {
        exec(db, "drop table if exists bench_score");
        exec(db, "create table bench_score (like frm_churn_score including all)");
        db.setAutoCommit(false);
        // the same sort and hash memory the platform gives an aggregate (BulkRecords.AGGREGATE_WORK_MEM)
        exec(db, "set local work_mem = '128MB'");
        LocalDate recent = asOf.minusDays(FeatureExtractor.RECENT_DAYS - 1L);
        StringBuilder rows = new StringBuilder();
        int n = 0;
        String sql = """
                select c.id, c.account_manager, c.level, c.region, c.lifecycle_stage, p.n, p.spend, p.first_on, p.last_on,
                       p.n90, p.spend90, p.spend_before, coalesce(f.complaints, 0)
                from frm_customer c
                left join (select customer, count(*) n, sum(amount) spend, min(purchased_on) first_on,
                                  max(purchased_on) last_on,
                                  count(*) filter (where purchased_on >= ?) n90,
                                  sum(amount) filter (where purchased_on >= ?) spend90,
                                  sum(amount) filter (where purchased_on between ? and ?) spend_before
                           from frm_purchase where deleted_at is null and purchased_on <= ? group by customer) p
                       on p.customer = c.id
                left join (select customer, count(*) complaints from frm_feedback
                           where deleted_at is null and feedback_type = 'complaint' and received_at >= ?
                           and received_at < ? group by customer) f on f.customer = c.id
                where c.deleted_at is null order by c.id""";
        long seq = 0;
        org.postgresql.copy.CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setFetchSize(10_000);
            s.setObject(1, recent);
            s.setObject(2, recent);
            s.setObject(3, recent.minusDays(FeatureExtractor.HISTORY_DAYS));
            s.setObject(4, recent.minusDays(1));
            s.setObject(5, asOf);
            s.setObject(6, recent.atStartOfDay(java.time.ZoneId.systemDefault()).toOffsetDateTime());
            s.setObject(7, asOf.plusDays(1).atStartOfDay(java.time.ZoneId.systemDefault()).toOffsetDateTime());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if ("lost".equals(r.getString(5))) {
                        continue;
                    }
                    long count = r.getLong(6);
                    java.sql.Date last = r.getDate(9);
                    long recency = last == null ? -1 : java.time.temporal.ChronoUnit.DAYS.between(last.toLocalDate(),
                            asOf);
                    double usual = count >= 2 ? Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(
                            r.getDate(8).toLocalDate(), last.toLocalDate()) / (double) (count - 1)) : Double.NaN;
                    double before = r.getDouble(12);
                    double trend = before > 0 ? r.getDouble(11) / (before * 90 / 365) : Double.NaN;
                    int score = (int) Math.min(100, Math.max(0, (recency / usual) * 10 + r.getLong(13) * 15
                            + (trend < 0.5 ? 20 : 0)));
                    String features = "{\"recency_days\":" + recency + ",\"usual_interval_days\":" + Math.round(usual)
                            + ",\"purchase_count\":" + count + ",\"purchases_90d\":" + r.getLong(10)
                            + ",\"complaints_90d\":" + r.getLong(13) + "}";
                    rows.append(++seq).append('\t').append(0).append("\tnow\tnow\t").append(r.getLong(1)).append('\t')
                            .append(asOf).append('\t').append(score).append('\t')
                            .append(score >= 70 ? "high" : score >= 40 ? "medium" : "low").append("\tt\t")
                            .append(r.getObject(2) == null ? "\\N" : r.getLong(2)).append('\t')
                            .append(r.getString(3)).append('\t').append(r.getString(4)).append('\t')
                            .append("已 ").append(recency).append(" 天未购买").append('\t')
                            .append("No purchase for ").append(recency).append(" days").append('\t')
                            .append(features.replace("\\", "\\\\")).append('\n');
                    n++;
                    if (n % 10_000 == 0) {
                        copyRows(copy, rows);
                    }
                }
            }
        }
        copyRows(copy, rows);
        db.commit();
        db.setAutoCommit(true);
        return n;
    }

    private static void copyRows(org.postgresql.copy.CopyManager copy, StringBuilder rows) throws Exception {
        if (rows.isEmpty()) {
            return;
        }
        copy.copyIn("copy bench_score (id, row_version, created_at, updated_at, customer, scored_on, score, risk_level, "
                        + "latest, owner, tier, region, reasons_zh, reasons_en, features) from stdin",
                new java.io.StringReader(rows.toString()));
        rows.setLength(0);
    }

    /**
     * Customers (every tenth lost, with a churn case), ten purchases each over two years (lost customers' purchases end
     * 90–450 days ago), complaints for a tenth of the customers in the last 120 days; then VACUUM ANALYZE.
     */
    private static void load(Connection db, int customers) throws SQLException {
        exec(db, "truncate frm_customer, frm_purchase, frm_feedback, frm_churn_case, frm_churn_score cascade");
        List<Long> users = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("select id from kehu_user order by id")) {
            while (r.next()) {
                users.add(r.getLong(1));
            }
        }
        String owners = users.isEmpty() ? "null" : "(array" + users + ")[1 + (g % " + users.size() + ")]";
        exec(db, "insert into frm_customer (id, row_version, created_at, updated_at, name, customer_type, email, level, "
                + "region, industry, lifecycle_stage, account_manager) select g, 0, now(), now(), '客户 ' || g, "
                + "'company', 'c' || g || '@example.com', (array['KEY','NORMAL','POTENTIAL'])[1 + (g % 3)], "
                + "(array['east_china','north_china','south_china','southwest'])[1 + (g % 4)], "
                + "(array['manufacturing','retail','finance','internet','logistics'])[1 + (g % 5)], "
                + "case when g % 10 = 0 then 'lost' else 'active' end, " + owners + " from generate_series(1, "
                + customers + ") g");
        exec(db, "select setval(pg_get_serial_sequence('frm_customer', 'id'), " + customers + ")");
        exec(db, "insert into frm_purchase (row_version, created_at, updated_at, customer, purchased_on, product, "
                + "quantity, amount, amount_currency) select 0, now(), now(), c, "
                + "current_date - (case when c % 10 = 0 then 90 + (c % 360) else 0 end)::int - floor(random() * 640)::int, "
                + "'产品', 1, round((random() * 2000)::numeric, 2), 'CNY' "
                + "from (select 1 + floor(random() * " + customers + ")::bigint as c "
                + "from generate_series(1, " + customers * 10L + ")) p");
        exec(db, "insert into frm_feedback (row_version, created_at, updated_at, customer, feedback_type, severity, "
                + "description, status, received_at) select 0, now(), now(), 1 + floor(random() * " + customers
                + ")::bigint, 'complaint', 'medium', '投诉', 'new', now() - (floor(random() * 120) || ' days')::interval "
                + "from generate_series(1, " + customers / 10 + ")");
        exec(db, "insert into frm_churn_case (row_version, created_at, updated_at, customer, status, lost_on) "
                + "select 0, now(), now(), g, 'lost_for_good', current_date - (30 + (g % 360))::int "
                + "from generate_series(10, " + customers + ", 10) g");
        exec(db, "vacuum analyze");
    }

    private static boolean exists(String dbName) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             PreparedStatement s = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            s.setString(1, dbName);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static String machine() {
        String cpu = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 2)).orElse("?");
        } catch (java.io.IOException e) {
            // not Linux
        }
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long ram = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() >> 30 : 0;
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + ram + " GiB, Java "
                + Runtime.version().feature() + ", PostgreSQL 15";
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            exec(c, sql);
        }
    }


}
