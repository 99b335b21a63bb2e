package io.kehu.platform.bench;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import io.kehu.platform.KehuApplication;
import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.KehuUserDetails;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.PostgresDatabase;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Bench command for the end-user screens (not a test), on PostgreSQL: loads customers of the shipped customer form
 * with set-based SQL into a throw-away database, then
 * <ul>
 *   <li>times opening {@code forms/customer} in a Karibu session (server side: navigation, building the view, the
 *   grid's first page of 50 fetched through its data provider and rendered into the response) against the same page
 *   read with a hand-written SQL query, in the same run;</li>
 *   <li>measures the heap (after GC) held by N sessions that each have a customer list and a customer record open
 *   (two UIs, as two browser tabs), against the heap without them.</li>
 * </ul>
 * Writes its section of {@code docs/benchmarks.md}. Run: see docs/benchmarks.md ("Screens").
 */
public final class ScreensBench {

    private static final String DATABASE = "kehu_bench_screens";
    private static final String[] REGIONS = {"east_china", "south_china", "north_china", "central_china",
            "southwest", "northwest", "northeast"};
    private static final String[] STAGES = {"potential", "new", "active", "loyal", "at_risk", "lost"};

    private final BenchArgs args;
    private final List<String> lines = new ArrayList<>();
    private MockSpringServlet servlet;
    private ConfigurableApplicationContext ctx;

    private ScreensBench(BenchArgs args) {
        this.args = args;
    }

    public static void main(String[] argv) throws Exception {
        new ScreensBench(BenchArgs.parse(argv)).run();
        System.exit(0);
    }

    private void run() throws Exception {
        int customers = args.intValue("customers", 1_000_000);
        int iterations = args.intValue("iterations", 100);
        int sessions = args.intValue("sessions", 100);
        try (PostgresDatabase pg = PostgresDatabase.named(DATABASE)) {
            ctx = new SpringApplicationBuilder(KehuApplication.class).run("--server.port=0",
                    "--kehu.accounts.admin-password=bench-admin-1", "--kehu.accounts.demo-password=bench-demo-1",
                    "--kehu.demo.customers=0", "--kehu.forms.seed=false", "--logging.level.root=warn",
                    "--vaadin.productionMode=true", "--kehu.db.url=" + pg.url(), "--kehu.db.user=" + pg.user(),
                    "--kehu.db.password=" + pg.password());
            try {
                ctx.getBean(FormPublisher.class).publishAll(
                        new DefinitionReader().readFolder(Path.of("../form-definitions")), "bench", "shipped forms");
                UserAccounts accounts = ctx.getBean(UserAccounts.class);
                long staffId = accounts.findByUsername("staff").orElseThrow().id();
                long managerId = accounts.findByUsername("manager").orElseThrow().id();
                long start = System.nanoTime();
                load(ctx.getBean(DSLContext.class), customers, staffId, managerId);
                long loadMs = (System.nanoTime() - start) / 1_000_000;
                System.out.printf("loaded %,d customers in %.1f s%n", customers, loadMs / 1000.0);
                servlet = new MockSpringServlet(new Routes().autoDiscoverViews("io.kehu.platform"), ctx, UI::new);
                lines.add(String.format("Customers: %,d (shipped `customer` form; generated with `generate_series` in"
                        + " %.0f s, then `ANALYZE`); STAFF owns a third of them.", customers, loadMs / 1000.0));
                lines.add("");
                lines.add("| opening `forms/customer` until the first page of 50 is in the response | runs "
                        + "| screen p50 ms | screen p95 ms | hand SQL p50 ms | hand SQL p95 ms |");
                lines.add("|---|---|---|---|---|---|");
                firstPage("MANAGER (all customers)", "manager", null, iterations);
                firstPage("STAFF (own customers only)", "staff", staffId, iterations);
                lines.add("");
                heapPerSession(accounts, sessions);
            } finally {
                MockVaadin.tearDown();
                ctx.close();
            }
        }
        String section = "Measured " + LocalDate.now() + " on " + machine() + ".\n\n" + String.join("\n", lines)
                + "\n";
        System.out.println(section);
        write(Path.of(args.value("out", "../docs/benchmarks.md")), section);
    }

    /** Opens the list repeatedly (from the home view each time) and times it against the page by hand. */
    private void firstPage(String who, String username, Long owner, int iterations) throws Exception {
        signIn(username);
        Records records = ctx.getBean(Records.class);
        Actor actor = Actor.of(ctx.getBean(UserAccounts.class).findByUsername(username).orElseThrow());
        Record first = records.query(actor, RecordQuery.of("customer").limit(1)).getFirst();
        DataSource dataSource = ctx.getBean(DataSource.class);
        int warmUp = 20;
        long[] screen = new long[iterations];
        long[] hand = new long[iterations];
        for (int i = 0; i < warmUp + iterations; i++) {
            UI.getCurrent().navigate("");
            MockVaadin.clientRoundtrip(false);
            long t0 = System.nanoTime();
            openList();
            long t1 = System.nanoTime();
            int rows = handPage(dataSource, owner);
            long t2 = System.nanoTime();
            List<String> shown = grid().getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey)
                    .toList();
            if (!grid().getDataCommunicator().isItemActive(first.only(shown)) || rows != 50) {
                throw new IllegalStateException("The first page was not fetched");
            }
            if (i >= warmUp) {
                screen[i - warmUp] = t1 - t0;
                hand[i - warmUp] = t2 - t1;
            }
        }
        String line = String.format("| %s | %d | %.1f | %.1f | %.1f | %.1f |", who, iterations,
                percentile(screen, 50), percentile(screen, 95), percentile(hand, 50), percentile(hand, 95));
        System.out.println(line);
        lines.add(line);
    }

    /** Navigates to the list, asks for the first 50 rows as the browser does, and renders the response. */
    private static void openList() {
        UI.getCurrent().navigate("forms/customer");
        grid().getDataCommunicator().setViewportRange(0, 50);
        MockVaadin.clientRoundtrip(false);
        // what the browser's grid does once it has applied an update: lets the server forget the rows it replaced
        grid().getDataCommunicator().confirmUpdate(1_000_000);
        respond();
    }

    /**
     * What writing the response to the browser does and Karibu's mock round trip does not: hands over (and so
     * forgets) the collected state-tree changes and the pending JavaScript calls, which hold the rows' JSON.
     */
    private static void respond() {
        UI ui = UI.getCurrent();
        ui.getInternals().getStateTree().collectChanges(change -> { });
        ui.getInternals().dumpPendingJavaScriptInvocations();
    }

    @SuppressWarnings("unchecked")
    private static Grid<Record> grid() {
        return LocatorJ._get(Grid.class, spec -> spec.withId("record-grid"));
    }

    private static int handPage(DataSource ds, Long owner) throws Exception {
        String sql = "select * from frm_customer where deleted_at is null"
                + (owner == null ? "" : " and account_manager = ?") + " order by id limit 50";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (owner != null) {
                ps.setLong(1, owner);
            }
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
    }

    /** Heap after GC with no sessions, then with {@code n} sessions each holding a list UI and a record UI. */
    private void heapPerSession(UserAccounts accounts, int n) throws Exception {
        MockVaadin.tearDown();
        Records records = ctx.getBean(Records.class);
        Actor staff = Actor.of(accounts.findByUsername("staff").orElseThrow());
        List<Record> customers = records.query(staff, RecordQuery.of("customer").limit(n));
        // one session first, so class loading and caches are not counted as per-session cost
        List<Object> held = new ArrayList<>();
        held.add(openSession(customers.getFirst().id()));
        long before = usedHeapAfterGc();
        for (int i = 1; i <= n; i++) {
            held.add(openSession(customers.get(i % customers.size()).id()));
        }
        long after = usedHeapAfterGc();
        double perSessionMb = (after - before) / (double) n / (1 << 20);
        String line = String.format("Heap per session (a customer list with its first page of 50 and a customer"
                        + " record, each in its own UI; %d sessions, used heap after GC): %.0f MB → %.0f MB, **%.2f MB"
                        + " per session**.", n, before / (double) (1 << 20), after / (double) (1 << 20),
                perSessionMb);
        System.out.println(line + " (" + held.size() + " sessions held)");
        Thread.sleep(args.intValue("hold", 0) * 1000L); // time for a heap histogram (jcmd <pid> GC.class_histogram)
        lines.add(line);
        held.clear();
    }

    /** A signed-in STAFF session with two UIs: the customer list (first page fetched) and one customer. */
    private Object openSession(long customerId) {
        String parts = args.value("parts", "list,record");
        signIn("staff");
        if (parts.contains("list")) {
            openList();
        } else {
            UI.getCurrent().navigate("");
            MockVaadin.clientRoundtrip(false);
        }
        VaadinSession session = VaadinSession.getCurrent();
        UI listUi = UI.getCurrent();
        if (parts.contains("record")) {
            MockVaadin.INSTANCE.createUI$karibu_testing_v10(UI::new, session);
            UI.getCurrent().setLocale(Locale.ENGLISH);
            UI.getCurrent().navigate("forms/customer/" + customerId);
            MockVaadin.clientRoundtrip(false);
            respond();
        }
        return List.of(session, listUi, UI.getCurrent());
    }

    private void signIn(String username) {
        UserAccount account = ctx.getBean(UserAccounts.class).findByUsername(username).orElseThrow();
        List<Role> roles = List.copyOf(account.roles());
        var principal = new KehuUserDetails(account.username(), account.displayName(), roles);
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities());
        SecurityContextHolder.getContext().setAuthentication(authentication);
        MockVaadin.setup(UI::new, servlet);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((p, role) -> roles.stream().anyMatch(r -> r.name().equals(role)));
        UI.getCurrent().setLocale(Locale.ENGLISH);
    }

    private static void load(DSLContext dsl, int n, long staffId, long managerId) {
        String regions = "array['" + String.join("','", REGIONS) + "']";
        String stages = "array['" + String.join("','", STAGES) + "']";
        int chunk = 250_000;
        for (int from = 1; from <= n; from += chunk) {
            int to = Math.min(n, from + chunk - 1);
            dsl.execute("insert into frm_customer (name, customer_type, phone, email, region, lifecycle_stage,"
                    + " account_manager, row_version, created_at, updated_at)"
                    + " select 'Customer ' || g, case when g % 5 = 0 then 'person' else 'company' end,"
                    + " '138' || lpad(g::text, 8, '0'), 'c' || g || '@example.com', (" + regions + ")[1 + g % 7],"
                    + " (" + stages + ")[1 + g % 6], case when g % 3 = 0 then " + staffId + " else " + managerId
                    + " end, 0, now(), now() from generate_series(" + from + ", " + to + ") g");
        }
        dsl.execute("analyze frm_customer");
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }

    private static void write(Path file, String body) throws IOException {
        BenchReport.writeSection(file, "screens:postgres", body);
    }

    private static String machine() {
        return BenchReport.machine() + ", PostgreSQL on the same machine";
    }
}
