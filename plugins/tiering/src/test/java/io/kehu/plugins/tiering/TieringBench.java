package io.kehu.plugins.tiering;

import static io.kehu.sdk.testkit.BenchFigures.count;
import static io.kehu.sdk.testkit.BenchFigures.cpu;
import static io.kehu.sdk.testkit.BenchFigures.cpuSeconds;
import static io.kehu.sdk.testkit.BenchFigures.exec;
import static io.kehu.sdk.testkit.BenchFigures.loadAverage;
import static io.kehu.sdk.testkit.BenchFigures.seconds;

import io.kehu.sdk.records.BatchResult;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.PluginUnderTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bench command (not a test): the tiering plugin on PostgreSQL with 1,000,000 customers and 10,000,000 purchases,
 * dry run + apply through the plugin (SDK: streamed customers, GROUP BY totals, one bulk write), against a
 * hand-written SQL implementation of the same thresholds (one GROUP BY, one UPDATE, two INSERT ... SELECT) in the
 * same run and on the same data. The fixture is loaded with set-based SQL, bypassing the write path (it is data, not
 * what is measured). Creates the throw-away database {@code kehu_bench_tiering} and drops it afterwards.
 *
 * <p>Run: see docs/benchmarks.md ("Tiering").
 */
public final class TieringBench {

    private static final String SERVER = System.getProperty("bench.pg", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String DB = "kehu_bench_tiering";

    private TieringBench() {
    }

    public static void main(String[] args) throws Exception {
        int customers = Integer.parseInt(System.getProperty("bench.customers", "1000000"));
        int purchases = Integer.parseInt(System.getProperty("bench.purchases", Integer.toString(customers * 10)));
        admin("drop database if exists " + DB + " with (force)");
        admin("create database " + DB);
        Map<String, String> figures = new LinkedHashMap<>();
        try (KehuTestHost kehu = KehuTestHost.builder().plugin(PluginUnderTest.fromBuild())
                .database(SERVER + DB, "postgres", "").seedForms(true).demoCustomers(0)
                .property("logging.level.root", "warn").start();
             Connection db = DriverManager.getConnection(SERVER + DB, "postgres", "")) {
            long t = System.nanoTime();
            load(db, customers, purchases);
            figures.put("fixture load (set-based SQL, not the write path)", seconds(t));
            figures.put("customers", Long.toString(count(db, "select count(*) from frm_customer")));
            figures.put("purchases", Long.toString(count(db, "select count(*) from frm_purchase")));
            figures.put("purchases in 2025", Long.toString(count(db,
                    "select count(*) from frm_purchase where purchased_on between '2025-01-01' and '2025-12-31'")));
            exec(db, "create table bench_original_level as select id, level, row_version from frm_customer");

            TieringService service = TieringService.of(kehu.context());
            Period period = Period.containing(PeriodKind.CALENDAR_YEAR, LocalDate.of(2025, 6, 1));
            String loadBefore = loadAverage();
            double[] cpu0 = cpu(db, DB);
            long p0 = System.nanoTime();
            Preview preview = service.evaluate(period, Progress.NONE, () -> false);
            long p1 = System.nanoTime();
            double[] cpu1 = cpu(db, DB);
            BatchResult applied = service.apply(preview, "admin", Progress.NONE, () -> false);
            long p2 = System.nanoTime();
            double[] cpu2 = cpu(db, DB);
            figures.put("load average (1/5/15 min) before the plugin / after it", loadBefore + " / " + loadAverage());
            figures.put("plugin: dry run", seconds(p0, p1));
            figures.put("plugin: apply", seconds(p1, p2));
            figures.put("plugin: dry run + apply", seconds(p0, p2));
            figures.put("CPU of the dry run: Kehu JVM (all threads) / PostgreSQL", cpuSeconds(cpu0, cpu1));
            figures.put("CPU of the apply: Kehu JVM (all threads) / PostgreSQL", cpuSeconds(cpu1, cpu2));
            figures.put("customers changing level", Long.toString(applied.updated()));
            figures.put("moves (up / down / first level / stay)", preview.perMovement().toString());
            figures.put("levels after", preview.perLevel().toString());
            String pluginLevels = levels(db);
            long audit = count(db, "select count(*) from kehu_audit where form_id in ('customer', 'tier_history')");

            exec(db, "update frm_customer c set level = o.level, row_version = o.row_version "
                    + "from bench_original_level o where o.id = c.id");
            exec(db, "delete from frm_tier_history");
            exec(db, "delete from kehu_audit where form_id in ('customer', 'tier_history')");
            exec(db, "vacuum analyze");
            double[] sqlCpu0 = cpu(db, DB);
            long s0 = System.nanoTime();
            long sqlChanges = sqlBaseline(db);
            long s1 = System.nanoTime();
            double[] sqlCpu1 = cpu(db, DB);
            figures.put("hand-written SQL: dry run + apply", seconds(s0, s1));
            figures.put("CPU of the SQL: PostgreSQL", String.format("%.1f s", sqlCpu1[1] - sqlCpu0[1]));
            figures.put("load average after the SQL", loadAverage());
            figures.put("SQL changes", Long.toString(sqlChanges));
            figures.put("same levels as the plugin", Boolean.toString(levels(db).equals(pluginLevels)));
            figures.put("audit rows written by the plugin", Long.toString(audit));
            double ratio = (double) (p2 - p0) / (s1 - s0);
            figures.put("plugin / SQL", String.format("%.2f×", ratio));
        } finally {
            admin("drop database if exists " + DB + " with (force)");
        }
        StringBuilder md = new StringBuilder();
        figures.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        System.out.println(md);
        Path out = Path.of(System.getProperty("bench.out", "target/tiering-bench.md"));
        Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
    }

    /**
     * The same thresholds as the default scheme, written by hand: totals per customer, new level, moves; then the
     * level update, one history row and one audit row per change, in one transaction.
     */
    private static long sqlBaseline(Connection db) throws SQLException {
        db.setAutoCommit(false);
        exec(db, """
                create temporary table bench_verdict on commit drop as
                select c.id, c.level as old_level,
                       case when coalesce(t.spend, 0) >= 100000 and coalesce(t.n, 0) >= 6 then 'KEY'
                            when coalesce(t.n, 0) >= 2 then 'NORMAL' else 'POTENTIAL' end as new_level,
                       coalesce(t.spend, 0) as spend, coalesce(t.n, 0) as n, t.last_on
                from frm_customer c left join (
                    select customer, sum(amount) as spend, count(*) as n, max(purchased_on) as last_on
                    from frm_purchase
                    where deleted_at is null and purchased_on between '2025-01-01' and '2025-12-31'
                    group by customer) t on t.customer = c.id
                where c.deleted_at is null""");
        count(db, "select count(*) from bench_verdict group by new_level, old_level order by 1 limit 1");
        exec(db, "delete from bench_verdict where new_level is not distinct from old_level");
        long changes = count(db, "select count(*) from bench_verdict");
        exec(db, """
                update frm_customer c set level = v.new_level, row_version = c.row_version + 1,
                       updated_at = now(), updated_by = null
                from bench_verdict v where v.id = c.id""");
        exec(db, """
                insert into frm_tier_history (row_version, created_at, updated_at, customer, period, scheme,
                       old_level, new_level, movement, metrics, applied_by)
                select 0, now(), now(), v.id, '2025', 'three_tier', v.old_level, v.new_level,
                       case when v.old_level is null then 'NEW'
                            when array_position(array['KEY','NORMAL','POTENTIAL'], v.new_level)
                               < array_position(array['KEY','NORMAL','POTENTIAL'], v.old_level) then 'UP'
                            else 'DOWN' end,
                       json_build_object('total_spend', v.spend, 'purchase_count', v.n, 'last_purchase', v.last_on)::text,
                       'admin'
                from bench_verdict v""");
        exec(db, """
                insert into kehu_audit (form_id, record_id, action, field_id, old_value, new_value, changed_by,
                       changed_by_name, changed_at)
                select 'customer', v.id, 'update', 'level', v.old_level, v.new_level, null, 'sql', now()
                from bench_verdict v""");
        exec(db, """
                insert into kehu_audit (form_id, record_id, action, field_id, old_value, new_value, changed_by,
                       changed_by_name, changed_at)
                select 'tier_history', h.id, 'create', null, null, null, null, 'sql', now()
                from frm_tier_history h""");
        db.commit();
        db.setAutoCommit(true);
        return changes;
    }

    /**
     * 1M customers (with an e-mail: the customer form's rule wants phone or e-mail) whose last-year level mostly
     * follows how much they buy, and 10M purchases over 2024–2025, skewed so that a few customers buy a lot.
     */
    private static void load(Connection db, int customers, int purchases) throws SQLException {
        exec(db, "insert into frm_customer (row_version, created_at, updated_at, name, customer_type, email, level) "
                + "select 0, now(), now(), '客户 ' || g, 'company', 'c' || g || '@example.com', "
                + "case when random() < 0.15 then (array['KEY','NORMAL','POTENTIAL'])[1 + (g % 3)] "
                + "when g <= " + customers + " * 0.02 then 'KEY' when g <= " + customers + " * 0.45 then 'NORMAL' "
                + "else 'POTENTIAL' end from generate_series(1, " + customers + ") g");
        exec(db, "insert into frm_purchase (row_version, created_at, updated_at, customer, purchased_on, product, "
                + "quantity, amount, amount_currency) "
                + "select 0, now(), now(), 1 + floor(" + customers + " * power(random(), 2))::bigint, "
                + "date '2024-01-01' + floor(random() * 731)::int, '产品 ' || (g % 100), 1 + (g % 5), "
                + "round((power(random(), 3) * 40000)::numeric, 2), 'CNY' "
                + "from generate_series(1, " + purchases + ") g");
        exec(db, "vacuum analyze");
    }

    private static String levels(Connection db) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(
                "select level, count(*), sum(id) from frm_customer group by level order by level")) {
            while (r.next()) {
                rows.add(r.getString(1) + "=" + r.getLong(2) + "/" + r.getLong(3));
            }
        }
        return rows.toString();
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            exec(c, sql);
        }
    }


}
