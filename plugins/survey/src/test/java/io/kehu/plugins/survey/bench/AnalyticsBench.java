package io.kehu.plugins.survey.bench;

import io.kehu.plugins.survey.ResultsBreakdown;
import io.kehu.plugins.survey.RollupJob;
import io.kehu.plugins.survey.ScoreSummary;
import io.kehu.plugins.survey.SurveyAnalytics;
import io.kehu.sdk.testkit.BenchFigures;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.PluginUnderTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Survey analytics of one campaign with 1,000,000 answers on PostgreSQL (target: ≤ 1 s p95), against hand-written
 * SQL computing the same figures in the same run. Not a test (no {@code *Test} name, so a plain build skips it):
 * {@code KEHU_BENCH_PG_URL=jdbc:postgresql://127.0.0.1:5432/survey4_bench mvn -o -pl plugins/survey -am test
 * -Dtest=AnalyticsBench -Dsurefire.failIfNoSpecifiedTests=false}. The database must exist; the fixture is
 * generated once with set-based SQL (generate_series) and reused by later runs. Writes
 * {@code target/analytics-bench.txt}.
 */
class AnalyticsBench {

    private static final String URL = System.getenv().getOrDefault("KEHU_BENCH_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/survey4_bench");
    private static final String CAMPAIGN = "bench_1m";
    private static final int ROWS = 1_000_000;
    private static final int WARM = 3;
    private static final int RUNS = 20;

    @Test
    void analyticsOfACampaignWithAMillionAnswers() throws Exception {
        List<String> out = new ArrayList<>();
        try (KehuTestHost kehu = KehuTestHost.builder().plugin(PluginUnderTest.fromBuild())
                .database(URL, "postgres", "").start();
                Connection db = DriverManager.getConnection(URL, "postgres", "")) {
            fixture(db, out);
            String dbName = URL.substring(URL.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
            out.add("load average at start: " + BenchFigures.loadAverage());
            // 1. the plugin without daily totals: every figure aggregated over the responses (the former way)
            BenchFigures.exec(db, "delete from frm_survey_rollup");
            out.add(time("campaign figures, plugin, no daily totals (live aggregate)", () -> kehu.callAsUser(
                    "manager", () -> new SurveyAnalytics(kehu.context().recordsOfCurrentUser()).summary(Map.of(
                            "campaign", CAMPAIGN))), db, dbName, 10));
            // 2. the nightly job totals every closed day once
            double[] cpu = BenchFigures.cpu(db, dbName);
            long start = System.nanoTime();
            String built = new RollupJob(kehu.context()).totalClosedDays();
            out.add("daily totals built (RollupJob, every closed day): " + built + " in " + BenchFigures.seconds(start)
                    + ", CPU JVM / database " + BenchFigures.cpuSeconds(cpu, BenchFigures.cpu(db, dbName)));
            BenchFigures.exec(db, "analyze frm_survey_rollup");
            OffsetDateTime to = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1);
            ResultsBreakdown.Period year = new ResultsBreakdown.Period(to.minusMonths(12), to);
            Supplier<ScoreSummary> summary = () -> kehu.callAsUser("manager",
                    () -> new SurveyAnalytics(kehu.context().recordsOfCurrentUser()).summary(Map.of("campaign",
                            CAMPAIGN)));
            ScoreSummary figures = summary.get();
            out.add("plugin figures: responses " + figures.responses() + ", CSAT " + figures.csat() + " (n "
                    + figures.rated() + "), NPS " + figures.nps() + " (n " + figures.npsAnswers() + "), means "
                    + figures.means());
            out.add(time("campaign figures, plugin (SurveyAnalytics.summary: daily totals + today live)", summary::get,
                    db, dbName, RUNS));
            out.add(time("campaign figures, hand-written SQL", () -> sql(db, "select count(*), sum(rated), "
                    + "sum(top_two), count(nps), count(*) filter (where nps >= 9), count(*) filter (where nps <= 6), "
                    + "avg(score_quality), count(score_quality), avg(score_service), count(score_service), "
                    + "avg(score_speed), count(score_speed), avg(score_price), count(score_price), "
                    + "avg(score_overall), count(score_overall) from frm_survey_response "
                    + "where deleted_at is null and campaign = '" + CAMPAIGN + "'"), db, dbName, RUNS));
            out.add(time("by tier, 12 months, plugin (ResultsBreakdown.groups: totals + today)", () -> kehu.callAsUser("manager",
                    () -> new ResultsBreakdown(kehu.context().recordsOfCurrentUser()).groups("satisfaction", year,
                            ResultsBreakdown.By.TIER)), db, dbName, RUNS));
            out.add(time("by tier, 12 months, hand-written SQL", () -> sql(db, "select customer_tier, count(*), "
                    + "sum(rated), sum(top_two), count(nps), count(*) filter (where nps >= 9), "
                    + "count(*) filter (where nps <= 6), avg(score_quality), count(score_quality), "
                    + "avg(score_service), count(score_service), avg(score_speed), count(score_speed), "
                    + "avg(score_price), count(score_price), avg(score_overall), count(score_overall) "
                    + "from frm_survey_response where deleted_at is null and survey = 'satisfaction' "
                    + "and answered_at >= now() - interval '12 months' group by customer_tier"), db, dbName, RUNS));
            out.add(time("by month, 12 months, plugin (totals by month + today)", () -> kehu.callAsUser("manager",
                    () -> new ResultsBreakdown(kehu.context().recordsOfCurrentUser()).groups("satisfaction", year,
                            ResultsBreakdown.By.MONTH)), db, dbName, RUNS));
            out.add(time("by month, 12 months, hand-written SQL", () -> sql(db, "select date_trunc('month', "
                    + "answered_at at time zone 'Asia/Shanghai'), count(*), sum(rated), sum(top_two), count(nps), "
                    + "count(*) filter (where nps >= 9), count(*) filter (where nps <= 6), avg(score_quality), "
                    + "count(score_quality), avg(score_service), count(score_service), avg(score_speed), "
                    + "count(score_speed), avg(score_price), count(score_price), avg(score_overall), "
                    + "count(score_overall) from frm_survey_response where deleted_at is null "
                    + "and survey = 'satisfaction' and answered_at >= now() - interval '12 months' group by 1"),
                    db, dbName, RUNS));
        }
        out.forEach(System.out::println);
        Files.write(Path.of("target", "analytics-bench.txt"), out);
    }

    /** 1,000,000 responses of one campaign over the last year, made once by the database itself. */
    private static void fixture(Connection db, List<String> out) throws SQLException, IOException {
        long have = count(db);
        if (have >= ROWS) {
            out.add("fixture: reused, " + have + " responses in " + CAMPAIGN);
            return;
        }
        long start = System.nanoTime();
        try (Statement s = db.createStatement()) {
            s.execute("insert into frm_survey_response (row_version, created_at, created_by, survey_title, "
                    + "answered_at, channel, campaign, customer_tier, handler, score_quality, score_service, "
                    + "score_speed, score_price, score_overall, nps, nps_point, rated, top_two, low_score, survey, "
                    + "survey_version) "
                    + "select 1, now(), (select min(id) from kehu_user where username = 'admin'), '客户满意度调查', now() - (g % 365) * interval '1 day' "
                    + "- (g % 86400) * interval '1 second', (array['phone','interview','link','public'])[1 + g % 4], "
                    + "'" + CAMPAIGN + "', (array['KEY','NORMAL','POTENTIAL'])[1 + g % 3], "
                    + "(array['staff','manager','wangfang'])[1 + g % 3], q, sv, sp, p, o, n, "
                    + "case when n >= 9 then 100 when n <= 6 then -100 else 0 end, "
                    + "case when p is null then 4 else 5 end, "
                    + "(q >= 4)::int + (sv >= 4)::int + (sp >= 4)::int + coalesce((p >= 4)::int, 0) + (o >= 4)::int, "
                    + "least(q, sv, sp, coalesce(p, 5), o) <= 2 or n <= 6, 'satisfaction', 1 "
                    + "from (select g, (1 + (g * 7) % 5)::numeric q, (1 + (g * 11) % 5)::numeric sv, "
                    + "(1 + (g * 13) % 5)::numeric sp, case when g % 10 = 0 then null else (1 + (g * 17) % 5)::numeric "
                    + "end p, (1 + (g * 19) % 5)::numeric o, g % 11 n from generate_series(1, " + (ROWS - have)
                    + ") g) t");
            s.execute("analyze frm_survey_response");
        }
        out.add("fixture: generated " + (ROWS - have) + " responses in " + (System.nanoTime() - start) / 1_000_000
                + " ms (insert … select from generate_series, then analyze)");
    }

    private static long count(Connection db) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("select count(*) from frm_survey_response where campaign = ?")) {
            p.setString(1, CAMPAIGN);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static Object sql(Connection db, String query) {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(query)) {
            int rows = 0;
            while (r.next()) {
                rows++;
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String time(String what, Supplier<?> work, Connection db, String dbName, int runs) {
        try {
            for (int i = 0; i < WARM; i++) {
                work.get();
            }
            long[] ms = new long[runs];
            double[] cpu = BenchFigures.cpu(db, dbName);
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                work.get();
                ms[i] = (System.nanoTime() - start) / 1_000_000;
            }
            String spent = BenchFigures.cpuSeconds(cpu, BenchFigures.cpu(db, dbName));
            Arrays.sort(ms);
            return String.format("%-66s p50 %5d ms  p95 %5d ms  max %5d ms (%d runs; CPU JVM / database %s, "
                    + "load %s)", what, ms[runs / 2], ms[(int) Math.ceil(runs * 0.95) - 1], ms[runs - 1], runs, spent,
                    BenchFigures.loadAverage());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
