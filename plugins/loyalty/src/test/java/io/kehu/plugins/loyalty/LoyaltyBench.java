package io.kehu.plugins.loyalty;

import static io.kehu.sdk.testkit.BenchFigures.count;
import static io.kehu.sdk.testkit.BenchFigures.cpu;
import static io.kehu.sdk.testkit.BenchFigures.cpuSeconds;
import static io.kehu.sdk.testkit.BenchFigures.exec;
import static io.kehu.sdk.testkit.BenchFigures.loadAverage;
import static io.kehu.sdk.testkit.BenchFigures.percentiles;
import static io.kehu.sdk.testkit.BenchFigures.seconds;

import io.kehu.sdk.records.FilterOperator;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Bench command (not a test; the name does not end in Test): the loyalty figures on PostgreSQL.
 * (1) Awarding points for {@code bench.purchases} purchases of {@code bench.customers} customers in bulk through the
 * plugin ({@link BulkAwards}: SDK reads + one {@code batch()} per slice of customers, entries and accounts through the
 * write path with guards, audit and optimistic locking) against hand-written SQL doing the same in the same run on
 * the same data (an {@code INSERT ... SELECT} of the entries with the running balance, one of the accounts, and the
 * audit rows the write path writes; one transaction); both must give every customer the same balance.
 * (2) A customer's balance and the first page of the statement read through the SDK, for random customers, with the
 * ledger at that many rows: p50/p95/p99, and the same reads by hand in JDBC.
 * The fixture (customers, purchases) is loaded with set-based SQL; it is data, not what is measured. Creates the
 * throw-away database {@code kehu_bench_loyalty} and drops it afterwards. Run: docs/benchmarks.md ("Loyalty").
 */
public final class LoyaltyBench {

    private static final String SERVER = System.getProperty("bench.pg", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String DB = System.getProperty("bench.db", "kehu_bench_loyalty");

    private LoyaltyBench() {
    }

    public static void main(String[] args) throws Exception {
        int customers = Integer.parseInt(System.getProperty("bench.customers", "1000000"));
        int purchases = Integer.parseInt(System.getProperty("bench.purchases", Integer.toString(customers * 10)));
        int slice = Integer.parseInt(System.getProperty("bench.slice", "2000"));
        // -Dbench.workers=<n>: slices written by n threads at once (BulkAwards.run's workers)
        int workers = Integer.parseInt(System.getProperty("bench.workers", "1"));
        int reads = Integer.parseInt(System.getProperty("bench.reads", "1000"));
        // -Dbench.keep=true keeps the database (and its fixture) for the next run, which then reuses the customers
        // and purchases when their counts match and only empties the ledger: the fixture is generated once
        boolean keep = Boolean.getBoolean("bench.keep");
        // -Dbench.readsLedger=<rows>: only the reads, on the kept database grown by set-based SQL to bench.customers
        // customers and that many ledger rows (the award is measured at the sizes that fit the time; the statement
        // read at the 10,000,000 rows)
        long readsLedger = Long.getLong("bench.readsLedger", 0);
        boolean reuse = keep && (readsLedger > 0 || fixtureMatches(customers, purchases));
        if (!reuse) {
            admin("drop database if exists " + DB + " with (force)");
            admin("create database " + DB);
        }
        // -Dbench.pglog=<ms>: the server logs this database's statements slower than that (where the time goes)
        String pgLog = System.getProperty("bench.pglog");
        if (pgLog != null) {
            admin("alter database " + DB + " set log_min_duration_statement = " + Integer.parseInt(pgLog));
        }
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("date, machine", LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + Runtime.version().feature() + ", -Xmx" + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " MiB");
        try (KehuTestHost kehu = KehuTestHost.builder().plugin(PluginUnderTest.fromBuild())
                .database(SERVER + DB, "postgres", "").seedForms(true).demoCustomers(0)
                .property("logging.level.root", "warn").start();
             Connection db = DriverManager.getConnection(SERVER + DB, "postgres", "")) {
            long t = System.nanoTime();
            if (readsLedger > 0) {
                grow(db, customers, readsLedger);
                figures.put("ledger grown by set-based SQL (not the write path)", seconds(t, System.nanoTime()));
                figures.put("customers / accounts", count(db, "select count(*) from frm_customer") + " / "
                        + count(db, "select count(*) from frm_loyalty_account"));
                figures.put("ledger rows for the reads", Long.toString(count(db,
                        "select count(*) from frm_loyalty_entry")));
                figures.put("entries of the busiest customer", Long.toString(count(db, "select max(n) from (select "
                        + "count(*) n from frm_loyalty_entry group by customer) x")));
                figures.put("load average before the reads", loadAverage());
                measureReads(kehu, db, figures, reads, count(db, "select min(id) from frm_customer"),
                        count(db, "select max(id) from frm_customer"));
                return;
            }
            if (reuse) {
                exec(db, "truncate frm_loyalty_entry, frm_loyalty_account");
                exec(db, "delete from kehu_audit where form_id like 'loyalty_%'");
                exec(db, "drop table if exists sql_entry, sql_account, sql_audit");
                exec(db, "vacuum analyze");
                figures.put("fixture (set-based SQL, not the write path)", "reused from the previous run; ledger "
                        + "emptied in " + seconds(t, System.nanoTime()));
            } else {
                load(db, customers, purchases);
                figures.put("fixture load (set-based SQL, not the write path)", seconds(t, System.nanoTime()));
                if (Boolean.getBoolean("bench.fixtureOnly")) { // -Dbench.fixtureOnly=true: generate and keep, no run
                    return;
                }
            }
            figures.put("customers / purchases", count(db, "select count(*) from frm_customer") + " / "
                    + count(db, "select count(*) from frm_purchase"));
            long first = count(db, "select min(id) from frm_customer");
            long last = count(db, "select max(id) from frm_customer");

            String load0 = loadAverage();
            double[] cpu0 = cpu(db, DB);
            long p0 = System.nanoTime();
            // the server here runs with autovacuum off (for quiet benchmarks): without fresh statistics the
            // ledger, analysed while empty, is planned as empty and the write path's unique-key checks scan it.
            // A stand-in for autovacuum's analyze keeps the statistics as a production server would, with
            // autovacuum's own rule (analyze a table once the rows changed since its last analyze pass
            // 50 + 10 % of its rows), checked every 2 s; its analyses are counted (their CPU is the plugin's).
            int[] analyses = {0};
            double[] analyzerCpu = {0, 0}; // the stand-in's backend: CPU seconds at its start and at the end
            int[] analyzerPid = {0};
            Thread analyzer = Thread.ofVirtual().start(() -> {
                try (Connection a = DriverManager.getConnection(SERVER + DB, "postgres", "")) {
                    analyzerPid[0] = (int) count(a, "select pg_backend_pid()");
                    analyzerCpu[0] = backendCpu(analyzerPid[0]);
                    while (!Thread.currentThread().isInterrupted()) {
                        Thread.sleep(2_000);
                        for (String table : List.of("frm_loyalty_entry", "frm_loyalty_account")) {
                            if (count(a, "select count(*) from pg_stat_user_tables s join pg_class c on c.oid = "
                                    + "s.relid where s.relname = '" + table + "' and s.n_mod_since_analyze > "
                                    + "50 + 0.1 * greatest(c.reltuples, 0)") > 0) {
                                exec(a, "analyze " + table);
                                analyses[0]++;
                            }
                        }
                    }
                } catch (InterruptedException | SQLException e) {
                    // done
                }
            });
            BulkAwards.Result result = new BulkAwards(kehu.context(), new Ledger(kehu.context()))
                    .run(first, last, slice, workers, done -> { });
            long p1 = System.nanoTime();
            double[] cpu1 = cpu(db, DB); // before the stand-in's connection closes: its analyses count
            analyzerCpu[1] = backendCpu(analyzerPid[0]);
            analyzer.interrupt();
            figures.put("slice / workers", slice + " / " + workers);
            figures.put("load average (1/5/15 min) before / after the plugin", load0 + " / " + loadAverage());
            figures.put("**plugin: bulk award** (entries, points)", "**" + seconds(p0, p1) + "** ("
                    + result.entries() + ", " + result.points() + ")");
            figures.put("CPU of the plugin: Kehu JVM (all threads) / PostgreSQL backends", cpuSeconds(cpu0, cpu1));
            figures.put("analyses by the autovacuum stand-in during the plugin's run (their CPU, in the line above)",
                    analyses[0] + String.format(" (%.1f s)", analyzerCpu[1] - analyzerCpu[0]));
            String pluginBalances = balances(db);
            long pluginAudit = count(db, "select count(*) from kehu_audit where form_id like 'loyalty_%'");

            // the ledger stays for the reads; the SQL baseline writes into copies of the same tables
            exec(db, "create table sql_entry (like frm_loyalty_entry including all)");
            exec(db, "create table sql_account (like frm_loyalty_account including all)");
            exec(db, "create table sql_audit (like kehu_audit including all)");
            exec(db, "vacuum analyze");
            double[] s0cpu = cpu(db, DB);
            long s0 = System.nanoTime();
            sqlBaseline(db);
            long s1 = System.nanoTime();
            double[] s1cpu = cpu(db, DB);
            figures.put("**hand-written SQL: the same award** (its PostgreSQL CPU)", "**" + seconds(s0, s1) + "** ("
                    + String.format("%.1f s", s1cpu[1] - s0cpu[1]) + ")");
            figures.put("load average after the SQL", loadAverage());
            figures.put("same balances as the plugin (count / sum / weighted sum)",
                    pluginBalances.equals(sqlBalances(db)) + " (" + pluginBalances + ")");
            figures.put("audit rows (plugin / SQL)", pluginAudit + " / " + count(db, "select count(*) from sql_audit"));
            figures.put("**plugin / SQL**", String.format("**%.2f×**", (double) (p1 - p0) / (s1 - s0)));
            // under a shared load the wall clock says little: the CPU both spent (the plugin's JVM and PostgreSQL
            // backends against the SQL's backend, its JVM idle)
            figures.put("plugin / SQL in CPU seconds (JVM + PostgreSQL / PostgreSQL)", String.format("%.2f×",
                    (cpu1[0] - cpu0[0] + cpu1[1] - cpu0[1]) / (s1cpu[1] - s0cpu[1])));
            figures.put("the same without the autovacuum stand-in's analyses", String.format("%.2f×",
                    (cpu1[0] - cpu0[0] + cpu1[1] - cpu0[1] - (analyzerCpu[1] - analyzerCpu[0]))
                            / (s1cpu[1] - s0cpu[1])));

            figures.put("ledger rows for the reads", Long.toString(count(db, "select count(*) from frm_loyalty_entry")));
            measureReads(kehu, db, figures, reads, first, last);
        } finally {
            if (!keep) {
                admin("drop database if exists " + DB + " with (force)");
            }
            StringBuilder md = new StringBuilder("| | |\n|---|---|\n");
            figures.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
            System.out.println(md);
            Path out = Path.of(System.getProperty("bench.out", "target/loyalty-bench.md"));
            Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
        }
    }

    /** Balance + first statement page for random customers, through the SDK and by hand: p50/p95/p99. */
    private static void measureReads(KehuTestHost kehu, Connection db, Map<String, String> figures, int reads,
            long first, long last) throws SQLException {
        exec(db, "vacuum analyze");
        Random random = new Random(42);
        long[] sdk = new long[reads];
        long[] hand = new long[reads];
        Ledger ledger = new Ledger(kehu.context());
        for (int warm = 0; warm < 200; warm++) {
            statement(kehu, ledger, first + random.nextInt((int) (last - first + 1)));
        }
        for (int i = 0; i < reads; i++) {
            long c = first + random.nextInt((int) (last - first + 1));
            long a = System.nanoTime();
            statement(kehu, ledger, c);
            long b = System.nanoTime();
            handStatement(db, c);
            hand[i] = System.nanoTime() - b;
            sdk[i] = b - a;
        }
        figures.put("**balance + first statement page (50 rows), SDK: p50 / p95 / p99**", "**" + percentiles(sdk)
                + "**");
        figures.put("the same two reads by hand (JDBC): p50 / p95 / p99", percentiles(hand));
        figures.put("load average after the reads", loadAverage());
    }

    /**
     * Grows the kept database to {@code customers} customers, each with an account, and {@code rows} ledger rows
     * spread over the customers with the purchases' skew (a few customers hold thousands of entries).
     */
    private static void grow(Connection db, int customers, long rows) throws SQLException {
        exec(db, "insert into frm_customer (row_version, created_at, updated_at, name, customer_type, email) "
                + "select 0, now(), now(), '客户 ' || g, 'person', 'c' || g || '@example.com' "
                + "from generate_series((select count(*) from frm_customer) + 1, " + customers + ") g");
        exec(db, "insert into frm_loyalty_account (row_version, created_at, updated_at, customer, balance, pending, "
                + "earned, redeemed, entries, owed) select 0, now(), now(), c.id, 0, 0, 0, 0, 0, 0 from frm_customer c "
                + "where not exists (select 1 from frm_loyalty_account a where a.customer = c.id)");
        long missing = rows - count(db, "select count(*) from frm_loyalty_entry");
        for (long done = 0; done < missing; done += 1_000_000) {
            long n = Math.min(1_000_000, missing - done);
            exec(db, "insert into frm_loyalty_entry (row_version, created_at, updated_at, customer, kind, points, "
                    + "balance_after, occurred_on, source, rule, idem_key) "
                    + "select 0, now(), now(), c.lo + floor((c.hi - c.lo + 1) * power(random(), 2))::bigint, 'EARN', "
                    + "1 + g % 50, 0, date '2025-01-01' + (g % 365)::int, 'synthetic/' || g, 'base', "
                    + "'synthetic/' || g || '|base' "
                    + "from generate_series(" + (done + 1) + ", " + (done + n) + ") g, "
                    + "(select min(id) lo, max(id) hi from frm_customer) c");
            System.out.println("ledger rows: " + count(db, "select count(*) from frm_loyalty_entry"));
        }
    }

    private static void statement(KehuTestHost kehu, Ledger ledger, long customer) {
        ledger.balance(customer);
        kehu.context().records().search(Ledger.ENTRY).where("customer", FilterOperator.EQUALS, customer)
                .sortBy("id", true).limit(50).list();
    }

    private static void handStatement(Connection db, long customer) throws SQLException {
        try (var s = db.prepareStatement("select balance, pending from frm_loyalty_account where customer = ? "
                + "and deleted_at is null")) {
            s.setLong(1, customer);
            try (ResultSet r = s.executeQuery()) {
                r.next();
            }
        }
        try (var s = db.prepareStatement("select * from frm_loyalty_entry where customer = ? and deleted_at is null "
                + "order by id desc limit 50")) {
            s.setLong(1, customer);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    r.getLong("points");
                }
            }
        }
    }

    /**
     * The default programme (1 point per ¥10, rounded down, no bonuses) by hand: every purchase's entry with the
     * customer's running balance, the accounts, and one audit row per created record, in one transaction.
     */
    private static void sqlBaseline(Connection db) throws SQLException {
        db.setAutoCommit(false);
        exec(db, """
                insert into sql_entry (row_version, created_at, updated_at, customer, kind, points, balance_after,
                       occurred_on, source, rule, idem_key)
                select 0, now(), now(), customer, 'EARN', points,
                       sum(points) over (partition by customer order by purchased_on, id),
                       purchased_on, 'purchase/' || id, 'base', 'purchase/' || id || '|base'
                from (select id, customer, purchased_on, floor(amount / 10)::bigint as points
                      from frm_purchase where deleted_at is null) p
                where points > 0""");
        exec(db, """
                insert into sql_account (row_version, created_at, updated_at, customer, balance, pending, earned,
                       redeemed, entries, owed, last_entry_on)
                select 0, now(), now(), customer, sum(points), 0, sum(points), 0, count(*), 0, max(occurred_on)
                from sql_entry group by customer""");
        exec(db, """
                insert into sql_audit (form_id, record_id, action, field_id, old_value, new_value, changed_by,
                       changed_by_name, changed_at)
                select 'loyalty_entry', id, 'create', null::text, null::text, null::text, null::bigint, 'sql', now() from sql_entry
                union all
                select 'loyalty_account', id, 'create', null::text, null::text, null::text, null::bigint, 'sql', now() from sql_account""");
        db.commit();
        db.setAutoCommit(true);
    }

    /** 1 + customers' purchases over 2025, skewed so that a few customers buy a lot. */
    private static void load(Connection db, int customers, int purchases) throws SQLException {
        exec(db, "insert into frm_customer (row_version, created_at, updated_at, name, customer_type, email) "
                + "select 0, now(), now(), '客户 ' || g, 'person', 'c' || g || '@example.com' "
                + "from generate_series(1, " + customers + ") g");
        exec(db, "insert into frm_purchase (row_version, created_at, updated_at, customer, purchased_on, product, "
                + "quantity, amount, amount_currency) "
                + "select 0, now(), now(), c.lo + floor((c.hi - c.lo + 1) * power(random(), 2))::bigint, "
                + "date '2025-01-01' + floor(random() * 365)::int, '产品 ' || (g % 100), 1 + (g % 5), "
                + "round((power(random(), 3) * 4000 + 1)::numeric, 2), 'CNY' "
                + "from generate_series(1, " + purchases + ") g, "
                + "(select min(id) lo, max(id) hi from frm_customer) c");
        exec(db, "vacuum analyze");
    }

    /** Whether the kept database holds a fixture of this size (customers and purchases). */
    private static boolean fixtureMatches(int customers, int purchases) {
        try (Connection db = DriverManager.getConnection(SERVER + DB, "postgres", "")) {
            return count(db, "select count(*) from frm_customer") == customers
                    && count(db, "select count(*) from frm_purchase") == purchases;
        } catch (SQLException noSuchDatabase) {
            return false;
        }
    }

    private static String balances(Connection db) throws SQLException {
        return one(db, "select count(*) || '/' || sum(balance) || '/' || sum(balance * (customer % 997)) "
                + "from frm_loyalty_account");
    }

    private static String sqlBalances(Connection db) throws SQLException {
        return one(db, "select count(*) || '/' || sum(balance) || '/' || sum(balance * (customer % 997)) "
                + "from sql_account");
    }

    /** CPU seconds (user + system) so far of one PostgreSQL backend on this Linux machine; 0 when unreadable. */
    private static double backendCpu(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            exec(c, sql);
        }
    }

    private static String one(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : "";
        }
    }

}
