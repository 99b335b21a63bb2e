package io.kehu.plugins.visits;

import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.ThrowAwayPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Overlaps and racing bookings on PostgreSQL, in a throw-away database ({@link ThrowAwayPostgres}: the server of
 * {@code KEHU_TEST_PG_URL}, default 127.0.0.1:5432): there the eight writers truly run in parallel transactions.
 */
class BookingPostgresTest {

    private static ThrowAwayPostgres db;
    private static KehuTestHost kehu;

    @BeforeAll
    static void start() throws Exception {
        db = ThrowAwayPostgres.create("kehu_test_visits");
        kehu = db.host().seedForms(true).demoCustomers(0).property("logging.level.root", "warn").start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (kehu != null) {
            kehu.close();
        }
        if (db != null) {
            db.close();
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
