package io.kehu.platform.bench;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.kehu.platform.KehuApplication;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.forms.FormTables;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.RecordQuery.Filter;
import io.kehu.platform.records.RecordQuery.Operator;
import io.kehu.platform.records.RecordQuery.Sort;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.PostgresDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Bench command for the record store (not a test): generates customers with 30 custom fields, contacts and purchases
 * with set-based SQL, then times the four list/record reads through {@link Records} against the same queries
 * written by hand in SQL, in the same run, and writes the figures to {@code docs/benchmarks.md}.
 *
 * <p>Run (after {@code mvn -DskipTests install}): {@code mvn -pl platform test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=io.kehu.platform.bench.RecordsBench
 * -Dexec.args="--db=postgres --customers=1000000"}. See docs/benchmarks.md.
 */
public final class RecordsBench {

    private static final String[] REGIONS = {"east_china", "south_china", "north_china", "central_china",
            "southwest", "northwest", "northeast"};

    /**
     * {@code --hand-plans=custom}: the hand-written STAFF read (d) is sent unnamed, so PostgreSQL plans it with its
     * values every time, as {@code Records} does. By default it goes through the driver's server-prepared statement,
     * whose generic plan for the owner filter is several times slower; alternating with it slows the next {@code
     * Records} call too (caches), which made (d) look slower than (a) when the database does less work for it.
     */
    private final boolean handCustomPlans;
    private final BenchArgs args;
    private final Random random = new Random(42);

    private RecordsBench(BenchArgs args) {
        this.handCustomPlans = args.value("hand-plans", "driver").equals("custom");
        this.args = args;
    }

    public static void main(String[] argv) throws Exception {
        new RecordsBench(BenchArgs.parse(argv)).run();
    }

    private void run() throws Exception {
        boolean postgres = args.db().equals("postgres");
        int customers = args.intValue("customers", postgres ? 1_000_000 : 100_000);
        int purchasesPer = args.intValue("purchases", 10);
        int iterations = args.intValue("iterations", 200);
        String keep = args.value("keep-db", "");
        PostgresDatabase pg = !postgres ? null : keep.isEmpty() ? PostgresDatabase.create() : PostgresDatabase.kept(keep);
        String reads = args.value("reads", "abcd");
        Path h2 = postgres ? null : Files.createTempDirectory("kehu-bench-h2");
        List<String> props = new ArrayList<>(List.of("--server.port=0", "--kehu.accounts.admin-password=bench-admin-1",
                "--kehu.accounts.demo-password=bench-demo-1", "--kehu.demo.customers=0", "--kehu.forms.seed=false",
                "--logging.level.root=warn", "--vaadin.productionMode=true"));
        if (postgres) {
            props.addAll(List.of("--kehu.db.url=" + pg.url(), "--kehu.db.user=" + pg.user(),
                    "--kehu.db.password=" + pg.password()));
        } else {
            props.addAll(List.of("--kehu.db.url=", "--kehu.db.data-dir=" + h2));
        }
        // A real server on a free port: Vaadin's security configuration needs a servlet context.
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(KehuApplication.class)
                .run(props.toArray(String[]::new))) {
            DSLContext dsl = ctx.getBean(DSLContext.class);
            Records records = ctx.getBean(Records.class);
            UserAccounts accounts = ctx.getBean(UserAccounts.class);
            ctx.getBean(FormPublisher.class).publishAll(BenchForms.all(), "bench", "bench forms");

            BenchReport report = new BenchReport(args.db(), customers);
            long staffId = accounts.findByUsername("staff").orElseThrow().id();
            long managerId = accounts.findByUsername("manager").orElseThrow().id();
            if (!keep.isEmpty() && count(dsl, "bench_customer") == customers) {
                System.out.println("Reusing the data generated earlier in database " + keep);
            } else {
                if (count(dsl, "bench_customer") > 0) {
                    throw new IllegalStateException("Database " + keep + " holds another row count: drop it first");
                }
                report.timed("load customers", () -> loadCustomers(dsl, customers, staffId, managerId));
                report.timed("load contacts", () -> loadContacts(dsl, customers));
                report.timed("load purchases", () -> loadPurchases(dsl, customers, purchasesPer));
                if (postgres) {
                    report.timed("analyze", () -> dsl.execute("analyze"));
                }
            }
            report.rows("customers", count(dsl, "bench_customer"));
            report.rows("contacts", count(dsl, "bench_contact"));
            report.rows("purchases", count(dsl, "bench_purchase"));

            Actor admin = Actor.of(accounts.findByUsername("admin").orElseThrow());
            Actor staff = Actor.of(accounts.findByUsername("staff").orElseThrow());
            DataSource dataSource = ctx.getBean(DataSource.class);

            if (reads.contains("a")) {
                report.compare("(a) filter 2 fields + sort + first page of 50", iterations,
                        i -> () -> records.query(admin, filterQuery(i)).size(),
                        i -> () -> handFilter(dataSource, i, null, false));
            }
            if (reads.contains("b")) {
                report.compare("(b) quick search", Math.max(20, iterations / 10),
                        i -> () -> records.query(admin, RecordQuery.of("bench_customer").search(searchTerm(i, customers))
                                .limit(50)).size(),
                        i -> () -> handSearch(dataSource, searchTerm(i, customers)));
            }
            if (reads.contains("c")) {
                report.compare("(c) one customer with contacts and purchases", iterations,
                        i -> () -> oneCustomer(records, admin, 1 + random.nextInt(customers)),
                        i -> () -> handOneCustomer(dataSource, 1 + random.nextInt(customers)));
            }
            if (reads.contains("d")) {
                report.compare(handCustomPlans ? "(d) = (a) as STAFF (owner filter; hand SQL planned per call)"
                        : "(d) = (a) as STAFF (owner filter)", iterations,
                        i -> () -> records.query(staff, filterQuery(i)).size(),
                        i -> () -> handFilter(dataSource, i, staffId, handCustomPlans));
            }
            if (reads.contains("e")) {
                report.compare("(e) list page: newest first, first 50, as ADMIN", iterations,
                        i -> () -> records.query(admin, newestFirst()).size(),
                        i -> () -> handNewestFirst(dataSource, null));
            }
            if (reads.contains("f")) {
                report.compare("(f) = (e) as STAFF (owner filter)", iterations,
                        i -> () -> records.query(staff, newestFirst()).size(),
                        i -> () -> handNewestFirst(dataSource, staffId));
            }
            report.writeTo(Path.of(args.value("out", "../docs/benchmarks.md")));
            System.out.println(report.markdown());
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }

    private static RecordQuery filterQuery(int i) {
        int low = (i * 37) % 900;
        return RecordQuery.of("bench_customer")
                .where(Filter.of("region", Operator.EQUALS, REGIONS[i % REGIONS.length]))
                .where(Filter.of("score", Operator.BETWEEN, (long) low, (long) low + 100))
                .sortBy(Sort.desc("signed_on"))
                .limit(50);
    }

    /** The list page as it opens: no filter, the default sort (newest first, as {@code RecordListView}). */
    private static RecordQuery newestFirst() {
        return RecordQuery.of("bench_customer").sortBy(Sort.desc("id")).limit(50);
    }

    private static String searchTerm(int i, int customers) {
        return "Customer " + (1 + (i * 7919) % customers);
    }

    private static int oneCustomer(Records records, Actor actor, long id) {
        Record customer = records.get(actor, "bench_customer", id).orElseThrow();
        int contacts = records.subtableRows(actor, "bench_customer", customer.id(), "contacts").size();
        int purchases = records.query(actor, RecordQuery.of("bench_purchase")
                .where(Filter.of("customer", Operator.EQUALS, id)).sortBy(Sort.desc("purchased_on")).limit(50)).size();
        return contacts + purchases;
    }

    // ---- the same reads written by hand in SQL (the baseline): same rows, same order (empty values count as the
    // largest, as in RecordQuery, so a descending sort puts them first) ----

    private static int handNewestFirst(DataSource ds, Long owner) throws Exception {
        String sql = "select * from frm_bench_customer where deleted_at is null"
                + (owner == null ? "" : " and owner = ?") + " order by id desc limit 50";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (owner != null) {
                ps.setLong(1, owner);
            }
            return drain(ps);
        }
    }

    private static int handFilter(DataSource ds, int i, Long owner, boolean customPlan) throws Exception {
        int low = (i * 37) % 900;
        String sql = "select * from frm_bench_customer where deleted_at is null and region = ? and score between ? and ?"
                + (owner == null ? "" : " and owner = ?") + " order by signed_on desc nulls first, id limit 50";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (customPlan) {
                ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
            }
            ps.setString(1, REGIONS[i % REGIONS.length]);
            ps.setLong(2, low);
            ps.setLong(3, low + 100);
            if (owner != null) {
                ps.setLong(4, owner);
            }
            return drain(ps);
        }
    }

    private static int handSearch(DataSource ds, String term) throws Exception {
        // ILIKE, as an expert would write it: on PostgreSQL it can use the same trigram indexes as Kehu's search.
        String sql = "select * from frm_bench_customer where deleted_at is null and (name ilike ? or phone ilike ?)"
                + " order by id limit 50";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            // Always planned with the pattern known (never a generic plan, which walks the primary key instead).
            if (ps.isWrapperFor(org.postgresql.PGStatement.class)) {
                ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
            }
            String like = "%" + term + "%";
            ps.setString(1, like);
            ps.setString(2, like);
            return drain(ps);
        }
    }

    private static int handOneCustomer(DataSource ds, long id) throws Exception {
        int rows = 0;
        try (Connection c = ds.getConnection()) {
            for (String sql : List.of("select * from frm_bench_customer where id = ? and deleted_at is null",
                    "select * from frm_bench_contact where parent_id = ? and deleted_at is null order by id",
                    "select * from frm_bench_purchase where customer = ? and deleted_at is null"
                            + " order by purchased_on desc nulls first, id limit 50")) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setLong(1, id);
                    rows += drain(ps);
                }
            }
        }
        return rows;
    }

    private static int drain(PreparedStatement ps) throws Exception {
        int n = 0;
        try (ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int col = 1; col <= columns; col++) {
                    rs.getObject(col);
                }
                n++;
            }
        }
        return n;
    }

    // ---- set-based generation ----

    private static void loadCustomers(DSLContext dsl, int n, long staffId, long managerId) {
        Field<Long> g = series();
        Map<Field<?>, Field<?>> columns = new LinkedHashMap<>();
        columns.put(col("name"), DSL.concat(inline("Customer "), g.cast(SQLDataType.VARCHAR(12))));
        columns.put(col("phone"), DSL.concat(inline("138"), DSL.lpad(g.cast(SQLDataType.VARCHAR(8)), 8, "0")));
        columns.put(col("owner"), DSL.when(g.mod(3).eq(0L), inline(staffId)).otherwise(inline(managerId)));
        columns.put(col("region"), pickOf(g, REGIONS));
        columns.put(col("score"), g.mul(7919).mod(1000).cast(SQLDataType.BIGINT));
        columns.put(col("signed_on"), DSL.localDateAdd(DSL.inline(LocalDate.of(2020, 1, 1)), g.mod(2000).cast(SQLDataType.INTEGER)));
        for (int i = 1; i <= 30; i++) {
            columns.put(col(BenchForms.custom(i)), BenchForms.generated(i, g));
        }
        columns.put(col(FormTables.ROW_VERSION), inline(0));
        columns.put(col(FormTables.CREATED_AT), DSL.currentOffsetDateTime());
        columns.put(col(FormTables.UPDATED_AT), DSL.currentOffsetDateTime());
        insertSeries(dsl, "bench_customer", columns, n);
    }

    private static void loadContacts(DSLContext dsl, int customers) {
        Field<Long> g = series();
        Map<Field<?>, Field<?>> columns = new LinkedHashMap<>();
        columns.put(col(FormTables.PARENT_ID), g.add(1).div(2).cast(SQLDataType.BIGINT));
        columns.put(col("name"), DSL.concat(inline("Contact "), g.cast(SQLDataType.VARCHAR(12))));
        columns.put(col("phone"), DSL.concat(inline("139"), DSL.lpad(g.cast(SQLDataType.VARCHAR(8)), 8, "0")));
        columns.put(col(FormTables.ROW_VERSION), inline(0));
        columns.put(col(FormTables.CREATED_AT), DSL.currentOffsetDateTime());
        columns.put(col(FormTables.UPDATED_AT), DSL.currentOffsetDateTime());
        insertSeries(dsl, "bench_contact", columns, customers * 2);
    }

    private static void loadPurchases(DSLContext dsl, int customers, int perCustomer) {
        Field<Long> g = series();
        Map<Field<?>, Field<?>> columns = new LinkedHashMap<>();
        columns.put(col("customer"), g.mod(customers).add(1).cast(SQLDataType.BIGINT));
        columns.put(col("purchased_on"), DSL.localDateAdd(DSL.inline(LocalDate.of(2024, 1, 1)), g.mul(31).mod(700).cast(SQLDataType.INTEGER)));
        columns.put(col("amount"), g.mul(104729).mod(100000).div(inline(100)).cast(SQLDataType.NUMERIC(19, 2)));
        columns.put(col(FormTables.currencyColumn("amount")), inline("CNY"));
        columns.put(col(FormTables.ROW_VERSION), inline(0));
        columns.put(col(FormTables.CREATED_AT), DSL.currentOffsetDateTime());
        columns.put(col(FormTables.UPDATED_AT), DSL.currentOffsetDateTime());
        long total = (long) customers * perCustomer;
        int chunk = 1_000_000;
        for (long start = 1; start <= total; start += chunk) {
            insertSeries(dsl, "bench_purchase", columns, (int) start, (int) Math.min(total, start + chunk - 1));
        }
    }

    private static void insertSeries(DSLContext dsl, String form, Map<Field<?>, Field<?>> columns, int n) {
        int chunk = 250_000;
        for (int start = 1; start <= n; start += chunk) {
            insertSeries(dsl, form, columns, start, Math.min(n, start + chunk - 1));
        }
    }

    private static void insertSeries(DSLContext dsl, String form, Map<Field<?>, Field<?>> columns, int from, int to) {
        dsl.insertInto(table(name(FormTables.table(form))))
                .columns(columns.keySet())
                .select(DSL.select(columns.values().toArray(Field[]::new))
                        .from(DSL.generateSeries(from, to).as("g", "x")))
                .execute();
    }

    static Field<String> pickOf(Field<Long> g, String[] values) {
        var choice = DSL.choose(g.mod(values.length));
        org.jooq.CaseWhenStep<Long, String> step = null;
        for (int i = 0; i < values.length; i++) {
            step = step == null ? choice.when(inline((long) i), inline(values[i])) : step.when(inline((long) i), inline(values[i]));
        }
        return step.otherwise(inline(values[0]));
    }

    /** The generated row number, as a 64-bit value so that spreading multiplications cannot overflow. */
    private static Field<Long> series() {
        return field(name("g", "x"), Integer.class).cast(SQLDataType.BIGINT);
    }

    private static Field<Object> col(String column) {
        return field(name(column));
    }

    private static long count(DSLContext dsl, String form) {
        return dsl.fetchCount(table(name(FormTables.table(form))));
    }

    /** Something timed: returns a row count so the JIT cannot drop the work. */
    interface Work {
        int run() throws Exception;
    }

    interface Step {
        void run() throws Exception;
    }

}
