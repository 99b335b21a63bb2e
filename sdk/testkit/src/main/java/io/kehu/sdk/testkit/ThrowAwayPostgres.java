package io.kehu.sdk.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A PostgreSQL database made for one test class and dropped after it, on the server of {@code KEHU_TEST_PG_URL}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/test}, the database the test connects to in order to create and drop
 * its own) as {@code KEHU_TEST_PG_USER} (default {@code postgres}, no password — trust, as on the build machine).
 *
 * <pre>{@code
 * static ThrowAwayPostgres db;
 * static KehuTestHost host;
 *
 * @BeforeAll static void start() throws SQLException {
 *     db = ThrowAwayPostgres.create("kehu_it_loyalty");
 *     host = db.host().start();
 * }
 * @AfterAll static void stop() throws SQLException {
 *     if (host != null) host.close();
 *     if (db != null) db.close();
 * }
 * }</pre>
 */
public final class ThrowAwayPostgres implements AutoCloseable {

    private final String adminUrl;
    private final String user;
    private final String name;

    private ThrowAwayPostgres(String adminUrl, String user, String name) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.name = name;
    }

    /** Creates a database named {@code prefix} plus a random suffix (runs in parallel never meet). */
    public static ThrowAwayPostgres create(String prefix) throws SQLException {
        if (!prefix.matches("[a-z][a-z0-9_]{0,40}")) {
            throw new IllegalArgumentException("A database name prefix is lower-case letters, digits and _: " + prefix);
        }
        ThrowAwayPostgres db = new ThrowAwayPostgres(env("KEHU_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test"),
                env("KEHU_TEST_PG_USER", "postgres"), prefix + "_" + UUID.randomUUID().toString().substring(0, 8));
        db.admin("create database " + db.name);
        return db;
    }

    /** The JDBC URL of the database. */
    public String url() {
        return adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
    }

    public String user() {
        return user;
    }

    /** A host of the plugin under test (its build) on this database; add settings, then {@code start()}. */
    public KehuTestHost.Builder host() {
        return KehuTestHost.builder().plugin(PluginUnderTest.fromBuild()).database(url(), user, "");
    }

    /** Drops the database, closing whatever connections are still open to it. */
    @Override
    public void close() throws SQLException {
        admin("drop database if exists " + name + " with (force)");
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl, user, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
