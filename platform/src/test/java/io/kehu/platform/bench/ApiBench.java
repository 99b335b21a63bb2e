package io.kehu.platform.bench;

import io.kehu.platform.KehuApplication;
import io.kehu.platform.api.ApiScopes;
import io.kehu.platform.api.ApiTokens;
import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.PostgresDatabase;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bench command for the REST API (not a test): a list page through HTTP + JSON against the same query through
 * {@link Records} in the same process, and creates per second both ways; writes its section of
 * {@code docs/benchmarks.md}. Run like {@link RecordsBench} with {@code -Dexec.mainClass=io.kehu.platform.bench.ApiBench
 * -Dexec.args="--db=postgres --rows=20000"}.
 */
public final class ApiBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Looked up once: the look-up (a stream over the platform's beans) cost more than reading the CPU time. */
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int WARM_ROUND = 500;
    private static final int MIN_WARM_PAGES = 2_000;
    private static final int MAX_WARM_PAGES = 40_000;
    private static final String FORM = """
            {"id": "bench_api_deal", "label": {"zh": "商机", "en": "Deal"}, "titleField": "name",
             "ownerField": "owner",
             "fields": [
              {"id": "name", "type": "text", "label": {"zh": "名称", "en": "Name"}, "required": true, "indexed": true},
              {"id": "amount", "type": "money", "label": {"zh": "金额", "en": "Amount"}},
              {"id": "signed_on", "type": "date", "label": {"zh": "签约日期", "en": "Signed on"}, "indexed": true},
              {"id": "stage", "type": "select", "label": {"zh": "阶段", "en": "Stage"}, "indexed": true,
               "options": [{"value": "lead", "label": {"zh": "线索", "en": "Lead"}},
                           {"value": "won", "label": {"zh": "赢单", "en": "Won"}}]},
              {"id": "owner", "type": "user", "label": {"zh": "负责人", "en": "Owner"}, "indexed": true}
             ]}
            """;

    private ApiBench() {
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs args = BenchArgs.parse(argv);
        boolean postgres = args.db().equals("postgres");
        int rows = args.intValue("rows", 20_000);
        int creates = args.intValue("creates", 1_000);
        int iterations = args.intValue("iterations", 1_000);
        PostgresDatabase pg = postgres ? PostgresDatabase.create() : null;
        List<String> props = new ArrayList<>(List.of("--server.port=0", "--kehu.accounts.admin-password=bench-admin-1",
                "--kehu.accounts.demo-password=bench-demo-1", "--kehu.demo.customers=0", "--kehu.forms.seed=false",
                "--logging.level.root=warn", "--vaadin.productionMode=true",
                "--kehu.api.requests-per-minute=100000000",
                "--kehu.api.token-cache-seconds=" + args.intValue("token-cache-seconds", 5)));
        if (postgres) {
            props.addAll(List.of("--kehu.db.url=" + pg.url(), "--kehu.db.user=" + pg.user(),
                    "--kehu.db.password=" + pg.password()));
        } else {
            props.addAll(List.of("--kehu.db.url=", "--kehu.db.data-dir=" + Files.createTempDirectory("kehu-api-bench")));
        }
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(KehuApplication.class)
                .run(props.toArray(String[]::new))) {
            ctx.getBean(FormPublisher.class).publish(new DefinitionReader().read("bench_api_deal.json", FORM),
                    "bench", "api bench");
            Records records = ctx.getBean(Records.class);
            UserAccount admin = ctx.getBean(UserAccounts.class).findByUsername("admin").orElseThrow();
            Actor actor = Actor.of(admin);
            String token = ctx.getBean(ApiTokens.class).create(actor, admin.id(), "bench", ApiScopes.ALL, null)
                    .secret();
            int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
            // HTTP/1.1 with keep-alive, as integrations talk to a Kehu behind no TLS-terminating proxy.
            String client = args.value("client", "plain");
            BenchHttp http = BenchHttp.named(client);
            String base = "http://localhost:" + port + "/api/forms/bench_api_deal/records";

            // Warm both paths up first: the first creates of a fresh JVM run interpreted code, and timing the API
            // cold against Records warm made the create ratio look far worse than it is. Then alternate call by call,
            // as for the pages, so that the JIT and other load on the machine hit both alike (the API's creates used
            // to be timed first, while the compiler was still busy with its code, and Records' afterwards).
            int warmUp = args.intValue("warm-creates", Math.min(1_000, creates));
            int next = 0;
            for (int i = 0; i < warmUp; i++) {
                apiCreate(http, base, token, next++);
                records.create(actor, "bench_api_deal", values(next++));
            }
            double loadBefore = load();
            long apiCreateNanos = 0;
            long recordsCreateNanos = 0;
            long apiCreateCpuNanos = 0;
            long recordsCreateCpuNanos = 0;
            for (int i = 0; i < creates; i++) {
                long c0 = cpu();
                long t0 = System.nanoTime();
                apiCreate(http, base, token, next++);
                long t1 = System.nanoTime();
                long c1 = cpu();
                records.create(actor, "bench_api_deal", values(next++));
                long t2 = System.nanoTime();
                long c2 = cpu();
                apiCreateNanos += t1 - t0;
                recordsCreateNanos += t2 - t1;
                apiCreateCpuNanos += c1 - c0;
                recordsCreateCpuNanos += c2 - c1;
            }
            double apiCreates = creates / (apiCreateNanos / 1e9);
            double apiCreateCpu = apiCreateCpuNanos / 1e6 / creates;
            double recordsCreates = creates / (recordsCreateNanos / 1e9);
            double recordsCreateCpu = recordsCreateCpuNanos / 1e6 / creates;
            while (next < rows) {
                records.create(actor, "bench_api_deal", values(next++));
            }

            // Both sides warm before timing, then alternate call by call so that other load on the machine hits
            // both alike. Warm-up runs in rounds until the JIT compiler is quiet: the request path (Tomcat, the
            // security chain, the route, JSON) is deep, and after a fixed 2,000 pages C2 was still compiling it
            // while the pages were timed (7 % of the machine's CPU in a perf profile), which charged compilation to
            // the API's side. --warm-pages=N fixes the count instead.
            Pages pages = new Pages(http, base, token, records, actor, iterations);
            int fixedWarmUp = args.intValue("warm-pages", -1);
            int warmPages = WarmUp.untilJitQuiet(from -> {
                for (int k = 0; k < WARM_ROUND; k++) {
                    pages.pair(from + k, false);
                }
                System.out.printf("warm-up: %,d pages each way%n", from + WARM_ROUND);
                return WARM_ROUND;
            }, fixedWarmUp >= 0 ? fixedWarmUp : MIN_WARM_PAGES, fixedWarmUp >= 0 ? fixedWarmUp : MAX_WARM_PAGES,
                    Long.MAX_VALUE);
            long jitBeforePages = WarmUp.jitMillis();
            long serverThreadsBefore = serverThreadsCpu();
            double loadBeforePages = load();
            for (int i = 0; i < iterations; i++) {
                pages.pair(i, true);
            }
            long jitDuringPages = WarmUp.jitMillis() - jitBeforePages;
            double loadAfter = load();
            long[] api = pages.api;
            long[] answered = pages.answered;
            long[] parse = pages.parse;
            long[] direct = pages.direct;
            double apiPageCpu = pages.apiCpu / 1e6 / iterations;
            double directPageCpu = pages.directCpu / 1e6 / iterations;
            // The calling thread's CPU during each call, plus for the API the Tomcat threads', which serve nothing
            // else: without the JIT compiler, GC and other background threads, whose CPU the process column shares
            // out by wall time (the longer API call gets more of it).
            double apiPageThreadCpu =
                    (pages.apiThreadCpu + serverThreadsCpu() - serverThreadsBefore) / 1e6 / iterations;
            double directPageThreadCpu = pages.directThreadCpu / 1e6 / iterations;
            String section = String.format("""
                    ### API, %s, %,d records

                    Measured %s on %s (HTTP client `%s` and server in one JVM, loopback; token cache %d s), load
                    average (1 min) %.1f
                    before the creates, %.1f before the pages and %.1f after; %,d warm-up creates each way, then timed
                    creates alternating with `Records.create` call by call; %,d
                    warm-up pages each way (%s) before %,d timed pages each way (alternating), during which the JIT
                    compiler worked %,d ms. CPU ms: the whole
                    process's CPU time per call (client, server, database driver; the database server's own work is
                    not in it), mean over the timed calls — it moves much less with other load than the clock.

                    | what | API | `Records` in process | ratio | CPU ms per call, API / `Records` |
                    |---|---|---|---|---|
                    | list page (filter + sort, 50 rows) p50 ms | %.2f | %.2f | %.2f× | %.2f / %.2f |
                    | list page p95 ms | %.2f | %.2f | %.2f× | |
                    | list page p50 ms until the body is read (without the client's JSON parsing) | %.2f | %.2f | %.2f× | |
                    | the client's JSON parsing of the page, p50 ms | %.2f | | | |
                    | list page CPU ms of the calling and serving threads only (no JIT, GC or other background) | | | %.2f× | %.2f / %.2f |
                    | creates per second (sequential, one client, alternating) | %.0f | %.0f | %.2f× | %.2f / %.2f |

                    """, postgres ? "PostgreSQL" : "H2", rows, LocalDate.now(), machine(), client,
                    args.intValue("token-cache-seconds", 5), loadBefore, loadBeforePages, loadAfter,
                    warmUp, warmPages, fixedWarmUp >= 0 ? "fixed" : "until two rounds of " + WARM_ROUND
                            + " in which the JIT compiler worked under 1 % of the time", iterations, jitDuringPages,
                    pct(api, 50), pct(direct, 50), pct(api, 50) / pct(direct, 50), apiPageCpu, directPageCpu,
                    pct(api, 95), pct(direct, 95), pct(api, 95) / pct(direct, 95),
                    pct(answered, 50), pct(direct, 50), pct(answered, 50) / pct(direct, 50), pct(parse, 50),
                    apiPageThreadCpu / directPageThreadCpu, apiPageThreadCpu, directPageThreadCpu,
                    apiCreates, recordsCreates, recordsCreates / apiCreates, apiCreateCpu, recordsCreateCpu);
            System.out.println(section);
            BenchReport.writeSection(Path.of(args.value("out", "../docs/benchmarks.md")), "api:" + args.db(),
                    section);
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }

    /** A list page through the API, then the same query through {@link Records}, timed into arrays when asked. */
    private static final class Pages {
        final long[] api;
        final long[] answered;
        final long[] parse;
        final long[] direct;
        long apiCpu;
        long directCpu;
        long apiThreadCpu;
        long directThreadCpu;
        private final BenchHttp http;
        private final String base;
        private final String token;
        private final Records records;
        private final Actor actor;

        Pages(BenchHttp http, String base, String token, Records records, Actor actor, int iterations) {
            this.http = http;
            this.base = base;
            this.token = token;
            this.records = records;
            this.actor = actor;
            api = new long[iterations];
            answered = new long[iterations];
            parse = new long[iterations];
            direct = new long[iterations];
        }

        void pair(int i, boolean timed) throws Exception {
            String stage = (i & 1) == 0 ? "lead" : "won";
            long m0 = THREADS.getCurrentThreadCpuTime();
            long c0 = cpu();
            long t0 = System.nanoTime();
            BenchHttp.Answer page = http.get(base + "?stage=" + stage + "&sort=-signed_on&limit=50", token);
            long tAnswered = System.nanoTime();
            JsonNode items = JSON.readTree(page.body()).get("items");
            long t1 = System.nanoTime();
            long c1 = cpu();
            long m1 = THREADS.getCurrentThreadCpuTime();
            int n = records.query(actor, RecordQuery.of("bench_api_deal")
                    .where(RecordQuery.Filter.of("stage", RecordQuery.Operator.EQUALS, stage))
                    .sortBy(RecordQuery.Sort.desc("signed_on")).limit(51)).size();
            long t2 = System.nanoTime();
            long c2 = cpu();
            long m2 = THREADS.getCurrentThreadCpuTime();
            if (items.size() != 50 || n != 51) {
                throw new IllegalStateException("pages of " + items.size() + " / " + n);
            }
            if (timed) {
                api[i] = t1 - t0;
                answered[i] = tAnswered - t0;
                parse[i] = t1 - tAnswered;
                direct[i] = t2 - t1;
                apiCpu += c1 - c0;
                directCpu += c2 - c1;
                apiThreadCpu += m1 - m0;
                directThreadCpu += m2 - m1;
            }
        }
    }

    private static void apiCreate(BenchHttp http, String base, String token, int i) throws Exception {
        BenchHttp.Answer r = http.post(base, token, JSON.writeValueAsString(values(i)));
        if (r.status() != 201) {
            throw new IllegalStateException(r.text());
        }
    }

    /** CPU time of the Tomcat request threads ({@code http-nio-…-exec-…}), in nanoseconds. */
    private static long serverThreadsCpu() {
        long total = 0;
        for (java.lang.management.ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("http-nio-") && t.getThreadName().contains("-exec-")) {
                total += Math.max(0, THREADS.getThreadCpuTime(t.getThreadId()));
            }
        }
        return total;
    }

    /** CPU time of the whole process (client and server share it), in nanoseconds. */
    private static long cpu() {
        return OS.getProcessCpuTime();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static Map<String, Object> values(int i) {
        return Map.of("name", "Deal " + i, "amount", Map.of("amount", (i % 1000) + ".50", "currency", "CNY"),
                "signed_on", LocalDate.of(2026, 1, 1).plusDays(i % 365).toString(),
                "stage", i % 2 == 0 ? "lead" : "won");
    }

    private static double pct(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.version");
    }
}
