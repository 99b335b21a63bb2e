package io.kehu.plugins.visits;

import static io.kehu.sdk.testkit.BenchFigures.count;
import static io.kehu.sdk.testkit.BenchFigures.exec;
import static io.kehu.sdk.testkit.BenchFigures.loadAverage;
import static io.kehu.sdk.testkit.BenchFigures.percentiles;

import io.kehu.sdk.records.RecordData;
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
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Bench command (not a test; the name does not end in Test): the agenda figure on PostgreSQL — the week of a
 * team of 50 with 100,000 visits, p95 ≤ 200 ms. Creates the throw-away database {@code kehu_bench_visits}, starts
 * Kehu in-process with the plugin (testkit's {@link KehuTestHost}: the real schema sync, indexes and record search),
 * and loads once, with set-based SQL (data, not what is measured): 50 visitors reporting to {@code manager}, 5,000
 * customers and {@code bench.visits} visits — each person three a working day (09:00, 13:30, 15:30) over about 2.6
 * years, two thirds in the past (signed off, some cancelled, 1 % still booked: overdue) and one third ahead (booked,
 * confirmed, some cancelled) — then {@code ANALYZE}. Measured, for random weeks over the whole span: what the agenda's
 * team week reads ({@link Agenda#visits} for everyone, {@link Agenda#overdue}, {@link Agenda#conflicts}) as the
 * manager through the SDK, and beside it in the same run the same two queries by hand in JDBC; and one person's week.
 * Run: docs/benchmarks.md ("Service visits").
 */
public final class VisitAgendaBench {

    private static final String SERVER = System.getProperty("bench.pg", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String DB = "kehu_bench_visits";
    private static final int PEOPLE = 50;
    private static final int CUSTOMERS = 5000;

    private VisitAgendaBench() {
    }

    public static void main(String[] args) throws Exception {
        int visits = Integer.parseInt(System.getProperty("bench.visits", "100000"));
        int reads = Integer.parseInt(System.getProperty("bench.reads", "300"));
        admin("drop database if exists " + DB + " with (force)");
        admin("create database " + DB);
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("date, machine", LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + Runtime.version().feature() + ", -Xmx" + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " MiB");
        try (KehuTestHost kehu = KehuTestHost.builder().plugin(PluginUnderTest.fromBuild())
                .database(SERVER + DB, "postgres", "").seedForms(true).demoCustomers(0)
                .property("logging.level.root", "warn").start();
             Connection db = DriverManager.getConnection(SERVER + DB, "postgres", "")) {
            long type = VisitCatalog.of(kehu.context()).typeOfKind("inspection").orElseThrow().id();
            LocalDate first = LocalDate.now().minusDays(445L * 7 / 5).with(DayOfWeek.MONDAY);
            long t = System.nanoTime();
            load(db, visits, type, first);
            exec(db, "analyze");
            figures.put("fixture load (set-based SQL, then ANALYZE; not the write path)", String.format("%.1f s",
                    (System.nanoTime() - t) / 1e9));
            figures.put("visits / visitors / customers", count(db, "select count(*) from frm_service_visit") + " / "
                    + PEOPLE + " / " + count(db, "select count(*) from frm_customer"));
            long workingDays = (visits / PEOPLE + 2) / 3;
            long weeks = workingDays / 5;
            figures.put("span", first + " – " + first.plusWeeks(weeks) + " (" + weeks + " weeks)");
            long person = count(db, "select min(id) from kehu_user where username like 'bench%'");

            Agenda agenda = new Agenda(kehu.context());
            Random random = new Random(42);
            long[] team = new long[reads];
            long[] hand = new long[reads];
            long[] own = new long[reads];
            long shown = 0;
            long clashes = 0;
            for (int i = -50; i < reads; i++) {
                LocalDate monday = first.plusWeeks(random.nextInt((int) weeks));
                long a = System.nanoTime();
                List<RecordData> week = kehu.callAsUser("manager", () -> agenda.visits(null, monday,
                        monday.plusDays(7)));
                List<RecordData> late = kehu.callAsUser("manager", () -> agenda.overdue(null));
                int c = Agenda.conflicts(week).size();
                long b = System.nanoTime();
                int handRows = handWeek(db, monday);
                long h = System.nanoTime();
                long visitor = person + random.nextInt(PEOPLE);
                kehu.callAsUser("manager", () -> agenda.visits(visitor, monday, monday.plusDays(7)));
                long o = System.nanoTime();
                if (i >= 0) {
                    team[i] = b - a;
                    hand[i] = h - b;
                    own[i] = o - h;
                    shown += week.size() + late.size();
                    clashes += c;
                    if (handRows != week.size() + late.size()) {
                        throw new IllegalStateException("SDK " + week.size() + "+" + late.size() + " rows, SQL "
                                + handRows);
                    }
                }
            }
            figures.put("load average (1/5/15 min) during the reads", loadAverage());
            figures.put("rows per team week (the week's visits + the overdue list), mean", Long.toString(shown / reads));
            figures.put("clashes found per week (the fixture has none)", Long.toString(clashes / reads));
            figures.put("**team week through the plugin (SDK search ×2 + clash check): p50 / p95 / p99**", "**"
                    + percentiles(team) + "**");
            figures.put("the same two queries by hand (JDBC, same run): p50 / p95 / p99", percentiles(hand));
            figures.put("one person's week through the plugin: p50 / p95 / p99", percentiles(own));
            figures.put("plan of the week's query", plan(db, first.plusWeeks(weeks / 2)));
        } finally {
            if (!Boolean.getBoolean("bench.keep")) {
                admin("drop database if exists " + DB + " with (force)");
            }
        }
        StringBuilder md = new StringBuilder("| | |\n|---|---|\n");
        figures.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        System.out.println(md);
        Files.writeString(Path.of(System.getProperty("bench.out", "target/visits-bench.md")), md.toString(),
                StandardCharsets.UTF_8);
    }

    private static void load(Connection db, int visits, long type, LocalDate first) throws SQLException {
        exec(db, "insert into kehu_user (username, display_name, password_hash, roles, manager_id) "
                + "select 'bench' || g, '上门人员 ' || g, 'x', 'STAFF', "
                + "(select id from kehu_user where username = 'manager') from generate_series(1, " + PEOPLE + ") g");
        exec(db, "insert into frm_customer (row_version, created_at, updated_at, name, customer_type) "
                + "select 0, now(), now(), '客户 ' || g, 'person' from generate_series(1, " + CUSTOMERS + ") g");
        long personLo = count(db, "select min(id) from kehu_user where username like 'bench%'");
        long customerLo = count(db, "select min(id) from frm_customer");
        // visit g: person g % 50, that person's k-th visit (k = g / 50): working day k / 3, slot k % 3
        exec(db, "insert into frm_service_visit (row_version, created_at, updated_at, subject, customer, visit_type, "
                + "status, visitor, planned_start, planned_end, preferred_window, origin, address) "
                + "select 0, now(), now(), '巡检 · 客户 ' || (g % " + CUSTOMERS + "), " + customerLo + " + g % "
                + CUSTOMERS + ", " + type + ", "
                + "case when s < now() then (case when g % 100 < 94 then 'signed_off' when g % 100 < 99 then 'cancelled' "
                + "else 'booked' end) else (case when g % 100 < 70 then 'booked' when g % 100 < 95 then 'confirmed' "
                + "else 'cancelled' end) end, "
                + personLo + " + g % " + PEOPLE + ", s, s + interval '90 minutes', 'any', 'manual', '上海市浦东新区世纪大道 100 号' "
                + "from (select g, (timestamp '" + first + " 00:00' + ((d / 5) * 7 + d % 5) * interval '1 day' "
                + "+ (case slot when 0 then interval '9 hours' when 1 then interval '13 hours 30 minutes' "
                + "else interval '15 hours 30 minutes' end)) at time zone '" + Texts.ZONE.getId() + "' as s "
                + "from (select g, (g / " + PEOPLE + ") / 3 as d, (g / " + PEOPLE + ") % 3 as slot "
                + "from generate_series(0, " + (visits - 1) + ") g) x) y");
    }

    /** What the agenda's team week reads, by hand: the week's visits and the overdue list. */
    private static int handWeek(Connection db, LocalDate monday) throws SQLException {
        int rows = 0;
        try (PreparedStatement s = db.prepareStatement("select id, subject, status, visitor, planned_start, "
                + "planned_end, preferred_window, customer from frm_service_visit where deleted_at is null "
                + "and planned_start between ? and ? and status <> 'cancelled' order by planned_start limit 1000")) {
            s.setObject(1, start(monday));
            s.setObject(2, start(monday.plusDays(7)).minusNanos(1000));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    r.getString(2);
                    rows++;
                }
            }
        }
        try (PreparedStatement s = db.prepareStatement("select id, subject, status, visitor, planned_start, "
                + "planned_end, preferred_window, customer from frm_service_visit where deleted_at is null "
                + "and status in ('booked', 'confirmed', 'on_site') and planned_end < ? order by planned_end limit 200")) {
            s.setObject(1, OffsetDateTime.now());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    r.getString(2);
                    rows++;
                }
            }
        }
        return rows;
    }

    private static String plan(Connection db, LocalDate monday) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (PreparedStatement s = db.prepareStatement("explain (analyze, costs off, timing off, summary off) "
                + "select id from frm_service_visit where deleted_at is null and planned_start between ? and ? "
                + "and status <> 'cancelled' order by planned_start limit 1000")) {
            s.setObject(1, start(monday));
            s.setObject(2, start(monday.plusDays(7)));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.append(out.isEmpty() ? "" : " → ").append(r.getString(1).strip());
                }
            }
        }
        return "`" + out.toString().replace("|", "/") + "`";
    }

    private static OffsetDateTime start(LocalDate day) {
        ZonedDateTime z = day.atStartOfDay(Texts.ZONE);
        return z.toOffsetDateTime();
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            exec(c, sql);
        }
    }
}
