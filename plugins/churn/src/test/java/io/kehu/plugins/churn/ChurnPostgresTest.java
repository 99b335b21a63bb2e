package io.kehu.plugins.churn;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.PluginUnderTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Scoring and training on PostgreSQL (the bulk write's {@code unnest} path) with a generated archive: by default
 * 20,000 customers and 200,000 purchases over two years, 10 % of the customers lost, some complaints (raise with
 * {@code -Dchurn.pg.customers=1000000}). The fixture is loaded with set-based SQL (data, not what is measured).
 * Skipped with a message when PostgreSQL is not reachable at 127.0.0.1:5432. Prints the times.
 */
class ChurnPostgresTest {

    private static final String SERVER = System.getProperty("bench.pg", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String DB = "kehu_test_churn";

    @Test
    void scoresAndTrainsOnPostgres() throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            exec(c, "drop database if exists " + DB + " with (force)");
            exec(c, "create database " + DB);
        } catch (SQLException e) {
            // the build needs PostgreSQL (.ci/run starts it), like the platform's and the other plugins' tests
            throw new AssertionError("PostgreSQL is not reachable at " + SERVER
                    + " (start it, e.g. pg_ctlcluster <version> main start): " + e.getMessage(), e);
        }
        int customers = Integer.getInteger("churn.pg.customers", 20_000);
        try (KehuTestHost kehu = KehuTestHost.builder().plugin(PluginUnderTest.fromBuild())
                .database(SERVER + DB, "postgres", "").seedForms(true).demoCustomers(0)
                .property("logging.level.root", "warn").start();
             Connection db = DriverManager.getConnection(SERVER + DB, "postgres", "")) {
            exec(db, "insert into frm_customer (row_version, created_at, updated_at, name, customer_type, email, level, "
                    + "region, lifecycle_stage) select 0, now(), now(), '客户 ' || g, 'company', 'c' || g || '@example.com', "
                    + "(array['KEY','NORMAL','POTENTIAL'])[1 + (g % 3)], (array['east_china','north_china'])[1 + (g % 2)], "
                    + "case when g % 10 = 0 then 'lost' else 'active' end from generate_series(1, " + customers + ") g");
            // lost customers stopped buying a while ago: their purchases end 90..450 days before today
            exec(db, "insert into frm_purchase (row_version, created_at, updated_at, customer, purchased_on, product, "
                    + "quantity, amount, amount_currency) select 0, now(), now(), c, "
                    + "current_date - (case when c % 10 = 0 then 90 + (c % 360) else 0 end)::int - floor(random() * 640)::int, "
                    + "'产品', 1, round((random() * 2000)::numeric, 2), 'CNY' "
                    + "from (select 1 + floor(random() * " + customers + ")::bigint as c "
                    + "from generate_series(1, " + customers * 10 + ")) p");
            exec(db, "insert into frm_feedback (row_version, created_at, updated_at, customer, feedback_type, severity, "
                    + "description, status, received_at) select 0, now(), now(), 1 + floor(random() * " + customers
                    + ")::bigint, 'complaint', 'medium', '投诉', 'new', now() - (floor(random() * 120) || ' days')::interval "
                    + "from generate_series(1, " + customers / 10 + ")");
            exec(db, "vacuum analyze");
            ChurnService service = new ChurnService(kehu.context());

            long t0 = System.nanoTime();
            ChurnModel model = service.train(42, Progress.NONE, () -> false);
            long t1 = System.nanoTime();
            ChurnModel card = service.train(LocalDate.now(), ChurnModel.SCORECARD, 42, Progress.NONE, () -> false);
            System.out.printf("PostgreSQL, %d customers: scorecard training %.1f s (holdout AUC %.3f, cut-off %s)%n",
                    customers, (System.nanoTime() - t1) / 1e9, card.evaluation().auc(), card.cutoff());
            assertThat(card.evaluation().auc()).isGreaterThan(0.7);
            new ChurnSettings(kehu.context()).activate(model.version());
            long t1b = System.nanoTime();
            ChurnService.Outcome first = service.scoreAll(LocalDate.now(), null, Progress.NONE, () -> false);
            long t2 = System.nanoTime();
            ChurnService.Outcome second = service.scoreAll(LocalDate.now(), null, Progress.NONE, () -> false);
            long t3 = System.nanoTime();
            System.out.printf("PostgreSQL, %d customers, %d purchases: training %.1f s (holdout AUC %.3f), first "
                            + "scoring %.1f s (%d scored, %d high, %d rows), second scoring %.1f s (%d rows)%n",
                    customers, customers * 10, (t1 - t0) / 1e9, model.evaluation().auc(), (t2 - t1b) / 1e9,
                    first.customers(), first.high(), first.written(), (t3 - t2) / 1e9, second.written());
            assertThat(first.customers()).isEqualTo(customers - customers / 10);
            assertThat(first.written()).isEqualTo(first.customers());
            assertThat(second.written()).isZero();
            assertThat(model.evaluation().auc()).isGreaterThan(0.7);
            assertThat(kehu.context().records().aggregate(ChurnForms.SCORE)
                    .where("latest", FilterOperator.EQUALS, true).count().list().getFirst().count())
                    .isEqualTo(first.customers());
            assertThat(count(db, "select count(*) from frm_churn_score where model_version = " + model.version()))
                    .isEqualTo(first.customers());
        } finally {
            try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
                exec(c, "drop database if exists " + DB + " with (force)");
            } catch (SQLException ignored) {
                // not reachable: nothing was created
            }
        }
    }

    private static void exec(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
