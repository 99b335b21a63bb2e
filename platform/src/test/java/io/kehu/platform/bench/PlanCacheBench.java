package io.kehu.platform.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.postgresql.PGStatement;

/**
 * What PostgreSQL's plan cache costs a filtered list page: the statement of {@code RecordsBench}'s read (a), as the
 * record store renders it, sent three ways call by call on three connections of the database {@code RecordsBench
 * --keep-db} left: server-prepared as the driver does by default, unnamed (parsed and planned at every call, the
 * record store's way before {@code storage.CustomPlanReads}), and server-prepared on a session with
 * {@code plan_cache_mode = force_custom_plan} (its way now). Prints each way's server CPU per call, read from
 * {@code /proc} for each connection's backend (the server must run on this machine), and the mean time per call.
 *
 * <p>Run: {@code java -cp target/test-classes:target/classes:$(cat target/bench-classpath.txt)
 * io.kehu.platform.bench.PlanCacheBench --keep-db=kehu_rb_300k --calls=6000}
 */
public final class PlanCacheBench {

    private static final String[] REGIONS = {"east_china", "south_china", "north_china", "central_china",
            "southwest", "northwest", "northeast"};
    private static final String[] WAYS = {"server-prepared (driver default)", "unnamed", "server-prepared, force_custom_plan"};

    private PlanCacheBench() {
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs args = BenchArgs.parse(argv);
        String url = "jdbc:postgresql://127.0.0.1:5432/" + args.value("keep-db", "kehu_rb_300k");
        int calls = args.intValue("calls", 6000);
        int warmUp = 1000;
        Connection[] connections = new Connection[3];
        int[] backends = new int[3];
        long[] cpuBefore = new long[3];
        long[] nanos = new long[3];
        try {
            for (int way = 0; way < 3; way++) {
                connections[way] = DriverManager.getConnection(url, args.value("user", "postgres"), "");
                try (Statement s = connections[way].createStatement();
                     ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
                    rs.next();
                    backends[way] = rs.getInt(1);
                }
                if (way == 2) {
                    try (Statement s = connections[way].createStatement()) {
                        s.execute("set plan_cache_mode = force_custom_plan");
                    }
                }
            }
            String sql = readA(connections[0]);
            for (int i = 0; i < warmUp + calls; i++) {
                if (i == warmUp) {
                    for (int way = 0; way < 3; way++) {
                        cpuBefore[way] = backendCpuTicks(backends[way]);
                    }
                }
                for (int way = 0; way < 3; way++) {
                    long start = System.nanoTime();
                    try (PreparedStatement ps = connections[way].prepareStatement(sql)) {
                        ps.unwrap(PGStatement.class).setPrepareThreshold(way == 1 ? 0 : 5);
                        int low = (i * 37) % 900;
                        ps.setString(1, REGIONS[i % REGIONS.length]);
                        ps.setLong(2, low);
                        ps.setLong(3, low + 100);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                rs.getLong(1);
                            }
                        }
                    }
                    if (i >= warmUp) {
                        nanos[way] += System.nanoTime() - start;
                    }
                }
            }
            System.out.printf("%d calls each way, load average (1, 5, 15 min) %s%n", calls,
                    Files.readString(Path.of("/proc/loadavg")).substring(0, 14));
            for (int way = 0; way < 3; way++) {
                double cpuMs = (backendCpuTicks(backends[way]) - cpuBefore[way]) * 10.0 / calls;
                System.out.printf("| %s | %.3f ms | %.3f ms |%n", WAYS[way], cpuMs, nanos[way] / 1e6 / calls);
            }
        } finally {
            for (Connection c : connections) {
                if (c != null) {
                    c.close();
                }
            }
        }
    }

    /** Read (a)'s statement as the record store sends it: every column of the bench's customer form by name. */
    private static String readA(Connection c) throws Exception {
        StringBuilder columns = new StringBuilder();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select column_name from information_schema.columns where table_name = 'frm_bench_customer'"
                        + " order by ordinal_position")) {
            while (rs.next()) {
                columns.append(columns.isEmpty() ? "" : ", ").append("\"frm_bench_customer\".\"")
                        .append(rs.getString(1)).append('"');
            }
        }
        return "select " + columns + " from \"frm_bench_customer\" where (\"frm_bench_customer\".\"deleted_at\" is null"
                + " and \"frm_bench_customer\".\"region\" = ? and \"frm_bench_customer\".\"score\" between ? and ?)"
                + " order by \"frm_bench_customer\".\"signed_on\" desc nulls first, \"frm_bench_customer\".\"id\" asc"
                + " fetch next 50 rows only";
    }

    /** User + system CPU of a local process in clock ticks (1/100 s on Linux). */
    private static long backendCpuTicks(int pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
