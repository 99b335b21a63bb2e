package io.kehu.platform.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throw-away PostgreSQL database on the local server, so each test run starts from an empty schema and leaves
 * nothing behind. The server is taken from {@code KEHU_TEST_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test},
 * user {@code KEHU_TEST_PG_USER}, default {@code postgres}).
 */
public final class PostgresDatabase implements AutoCloseable {

    private static final String ADMIN_URL = env("KEHU_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = env("KEHU_TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("KEHU_TEST_PG_PASSWORD", "");

    private final String name;
    private final boolean kept;

    private PostgresDatabase(String name) {
        this(name, false);
    }

    private PostgresDatabase(String name, boolean kept) {
        this.name = name;
        this.kept = kept;
    }

    /** Creates a new, empty database; fails with a clear message when the server does not answer. */
    public static PostgresDatabase create() {
        String name = "kehu_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is needed for this test but " + ADMIN_URL + " (user " + USER
                    + ") answered: " + e.getMessage() + ". Start it (see README) or set KEHU_TEST_PG_URL.", e);
        }
        return new PostgresDatabase(name);
    }

    /**
     * Creates database {@code name} afresh (dropping what a crashed run left behind), e.g. for a benchmark that must
     * not collide with other runs on the same server. Dropped again by {@link #close()}.
     */
    public static PostgresDatabase named(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,40}")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + ADMIN_URL + " (user " + USER + ") answered: "
                    + e.getMessage(), e);
        }
        return new PostgresDatabase(name);
    }

    /**
     * Database {@code name}, created when missing and otherwise used as it is, and left in place by {@link #close()}:
     * for a benchmark whose generated data takes longer to load than the reads it times, so that it is generated once
     * and reused by later runs.
     */
    public static PostgresDatabase kept(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,40}")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD); Statement s = c.createStatement();
             var rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
            if (!rs.next()) {
                s.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + ADMIN_URL + " (user " + USER + ") answered: "
                    + e.getMessage(), e);
        }
        return new PostgresDatabase(name, true);
    }

    /** Points the application under test at this database ({@code kehu.db.*}). */
    public void register(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("kehu.db.url", this::url);
        registry.add("kehu.db.user", this::user);
        registry.add("kehu.db.password", this::password);
    }

    public String url() {
        return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    @Override
    public void close() throws SQLException {
        if (kept) {
            return;
        }
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        }
    }

    private static String env(String key, String fallback) {
        String value = System.getenv(key);
        return value == null || value.isBlank() ? fallback : value;
    }
}
