package io.kehu.plugins.visits;

import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.PluginUnderTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Overlaps and racing bookings on PostgreSQL (127.0.0.1:5432, trust; {@code -Dvisits.pg=...} for another server),
 * in a throw-away database {@code kehu_test_visits}: there the eight writers truly run in parallel transactions.
 */
class BookingPostgresTest {

    private static final String SERVER = System.getProperty("visits.pg", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String DB = "kehu_test_visits";
    private static KehuTestHost kehu;

    @BeforeAll
    static void start() throws Exception {
        admin("drop database if exists " + DB + " with (force)");
        admin("create database " + DB);
        kehu = KehuTestHost.builder().plugin(PluginUnderTest.fromBuild()).database(SERVER + DB, "postgres", "")
                .seedForms(true).demoCustomers(0).property("logging.level.root", "warn").start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (kehu != null) {
            kehu.close();
        }
        admin("drop database if exists " + DB + " with (force)");
    }

    private static void admin(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void overlapIsRefused() {
        BookingScenarios.overlapIsRefused(kehu);
    }

    @Test
    void racingBookingsStoreOne() throws Exception {
        BookingScenarios.racingBookingsStoreOne(kehu);
    }

    @Test
    void workflowStepsAndHistory() {
        BookingScenarios.workflowStepsAndHistory(kehu);
    }

    @Test
    void reschedulingRechecksOverlapUnderTheLock() throws Exception {
        BookingScenarios.reschedulingRechecksOverlapUnderTheLock(kehu);
    }
}
