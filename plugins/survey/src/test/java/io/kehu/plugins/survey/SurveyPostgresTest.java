package io.kehu.plugins.survey;

import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.PluginUnderTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * The store contracts on PostgreSQL, against one Kehu on a throw-away database on {@code KEHU_TEST_PG_URL} (default
 * the local server's {@code test}), dropped afterwards: campaigns, reminders, the public link and the breakdown
 * ({@link CampaignContract}), responses, versions, idempotent submit and the closed loop ({@link SurveyStoreContract}),
 * personal links ({@link InvitationsContract}), the complaint revisit's link and its closed loop
 * ({@link RevisitLinkContract}).
 */
class SurveyPostgresTest {

    private static final String ADMIN_URL = env("KEHU_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = env("KEHU_TEST_PG_USER", "postgres");
    private static final String DB = "kehu_it_survey_" + UUID.randomUUID().toString().substring(0, 8);
    private static KehuTestHost host;

    @BeforeAll
    static void start() throws SQLException {
        admin("create database " + DB);
        host = KehuTestHost.builder().plugin(PluginUnderTest.fromBuild())
                .database(ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + DB, USER, "").start();
    }

    @AfterAll
    static void stop() throws SQLException {
        if (host != null) {
            host.close();
        }
        admin("drop database if exists " + DB + " with (force)");
    }

    @Nested
    class CampaignsOnPostgres extends CampaignContract {
        @Override
        KehuTestHost kehu() {
            return host;
        }
    }

    @Nested
    class StoreOnPostgres extends SurveyStoreContract {
        @Override
        KehuTestHost kehu() {
            return host;
        }
    }

    @Nested
    class RevisitLinksOnPostgres extends RevisitLinkContract {
        @Override
        KehuTestHost kehu() {
            return host;
        }
    }

    @Nested
    class LinksOnPostgres extends InvitationsContract {
        @Override
        KehuTestHost kehu() {
            return host;
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
