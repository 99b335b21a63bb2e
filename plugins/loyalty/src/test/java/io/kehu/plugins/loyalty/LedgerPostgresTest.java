package io.kehu.plugins.loyalty;

import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.ThrowAwayPostgres;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link LedgerContract} on PostgreSQL (where concurrent inserts of one key wait for each other and then fail on the
 * unique index): a throw-away database on {@code KEHU_TEST_PG_URL} (default the local server's {@code test}),
 * dropped afterwards.
 */
class LedgerPostgresTest extends LedgerContract {

    private static ThrowAwayPostgres db;
    private static KehuTestHost host;

    @BeforeAll
    static void start() throws SQLException {
        db = ThrowAwayPostgres.create("kehu_it_loyalty");
        host = db.host().start();
    }

    @AfterAll
    static void stop() throws SQLException {
        if (host != null) {
            host.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Override
    KehuTestHost kehu() {
        return host;
    }
}
