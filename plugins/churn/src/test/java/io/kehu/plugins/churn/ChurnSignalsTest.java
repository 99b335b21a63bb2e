package io.kehu.plugins.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.PluginUnderTest;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Features from another plugin, read through the SDK only: the real survey plugin (its compiled classes, packed like
 * the build packs them) installed beside churn; a customer whose satisfaction fell from 4.5 to 2 gets that as a
 * measure and as words, as of the day asked (a later answer is not seen by a past cut-off); the plugins that are not
 * installed leave their measures unknown. Skipped with a message when the survey module is not compiled (the full
 * build compiles it before churn).
 */
class ChurnSignalsTest {

    static final Path SURVEY_CLASSES = Path.of("../survey/target/classes");

    static final String PG = System.getProperty("bench.pg", "jdbc:postgresql://127.0.0.1:5432/");
    static final String PG_DB = "kehu_test_churn_signals";

    static Path survey(Path folder) throws IOException {
        assumeTrue(Files.isRegularFile(SURVEY_CLASSES.resolve("META-INF/extensions.idx")),
                "plugins/survey is not compiled (../survey/target/classes): the survey features test is skipped");
        return new PluginUnderTest("survey", "io.kehu.plugins.survey.SurveyPlugin", "1.0.0", ">=0.1.0", "",
                SURVEY_CLASSES).packInto(folder);
    }

    @Test
    void satisfactionAndNpsComeFromTheSurveyPluginWhenItIsInstalled(@TempDir Path folder) throws IOException {
        try (KehuTestHost kehu = KehuTestHost.builder().plugin(PluginUnderTest.fromBuild()).otherPlugin(survey(folder))
                .property("logging.level.root", "warn").start()) {
            check(kehu);
        }
    }

    /** The same on PostgreSQL (the grouped averages and date-time bounds are the store's SQL). */
    @Test
    void theSameOnPostgres(@TempDir Path folder) throws Exception {
        Path survey = survey(folder);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(PG + "postgres", "postgres", "");
             java.sql.Statement st = c.createStatement()) {
            st.execute("drop database if exists " + PG_DB + " with (force)");
            st.execute("create database " + PG_DB);
        }
        try (KehuTestHost kehu = KehuTestHost.builder().plugin(PluginUnderTest.fromBuild()).otherPlugin(survey)
                .database(PG + PG_DB, "postgres", "").property("logging.level.root", "warn").start()) {
            check(kehu);
        } finally {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(PG + "postgres", "postgres", "");
                 java.sql.Statement st = c.createStatement()) {
                st.execute("drop database if exists " + PG_DB + " with (force)");
            }
        }
    }

    static void check(KehuTestHost kehu) {
        {
            PluginContext context = kehu.context();
            // the plugin started with its metrics read (a metric that does not read would have made it FAILED)
            assertThat(kehu.extensions(io.kehu.sdk.metrics.MetricDefinitionProvider.class))
                    .anySatisfy(p -> assertThat(p.getClass().getName()).isEqualTo(ChurnMetrics.class.getName()));
            long customer = context.records().create("customer", Map.of("name", "满意度下降的客户",
                    "email", "signals@example.com")).id();
            answer(context, customer, 200, "4.5", 9);
            answer(context, customer, 30, "2", 3);
            answer(context, customer, 10, "2", 3);
            long quiet = context.records().create("customer", Map.of("name", "没有回答问卷的客户",
                    "email", "quiet@example.com")).id();

            FeatureTable table = new FeatureExtractor(context).extract(LocalDate.now(), List.of(), null,
                    Progress.NONE, () -> false);
            int row = table.indexOf(customer);
            assertThat(table.get(row, "satisfaction")).isEqualTo(2.0);
            assertThat(table.get(row, "satisfaction_drop")).isEqualTo(2.5);
            assertThat(table.get(row, "nps")).isEqualTo(5.0);
            assertThat(new ReasonTexts(context).measure(table, row, "satisfaction_drop"))
                    .isEqualTo(LocalText.of("满意度从 4.5 降到 2", "Satisfaction fell from 4.5 to 2"));
            assertThat(table.get(table.indexOf(quiet), "satisfaction")).isNaN();
            // the other plugins are not installed: their measures are unknown for everyone
            assertThat(table.get(row, "overdue_visits")).isNaN();
            assertThat(table.get(row, "loyalty_activity_90d")).isNaN();
            assertThat(table.get(row, "tier_drops_365d")).isNaN();
            PluginSignals signals = new PluginSignals(context);
            assertThat(PluginSignals.SOURCES).extracting(signals::installed).containsExactly(true, false, false, false);

            // as of 100 days ago only the first answer existed: no recent satisfaction, no fall yet
            FeatureTable past = new FeatureExtractor(context).extract(LocalDate.now().minusDays(100), List.of(), null,
                    Progress.NONE, () -> false);
            int then = past.indexOf(customer);
            assertThat(past.get(then, "satisfaction")).isNaN();
            assertThat(past.get(then, "nps")).isEqualTo(9.0);
        }
    }

    static void answer(PluginContext context, long customer, int daysAgo, String overall, long nps) {
        Map<String, Object> values = new HashMap<>();
        values.put("customer", customer);
        values.put("survey_title", "年度满意度调查");
        values.put("answered_at", OffsetDateTime.now().minusDays(daysAgo));
        values.put("channel", "phone");
        values.put("survey", "annual");
        values.put("survey_version", 1L);
        values.put("score_overall", new BigDecimal(overall));
        values.put("nps", nps);
        context.records().create("survey_response", values);
    }

    @Test
    void tieringPeriodKeysReadAsTheirLastDay() {
        assertThat(PluginSignals.periodEnd("2025")).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(PluginSignals.periodEnd("2026-Q1")).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(PluginSignals.periodEnd("2026-Q4")).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(PluginSignals.periodEnd("12M-2026-04")).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(PluginSignals.periodEnd("spring")).isNull();
    }
}
