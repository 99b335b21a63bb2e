package io.kehu.platform.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Database settings, bound from {@code kehu.db.*} (environment: {@code KEHU_DB_URL}, {@code KEHU_DB_USER},
 * {@code KEHU_DB_PASSWORD}) and {@code kehu.data-dir} ({@code KEHU_DATA_DIR}).
 *
 * <p>No URL means the embedded H2 file database inside the data directory: zero set-up for a demo or a small team.
 *
 * @param url JDBC URL of the database, blank for embedded H2
 * @param user database user, blank for the driver default
 * @param password database password, blank for none
 * @param dataDir where Kehu keeps its files (the H2 database among them)
 */
@ConfigurationProperties(prefix = "kehu.db")
public record DatabaseProperties(String url, String user, String password, Path dataDir) {

    /** Name of the setting that selects the database, as a user sets it. */
    public static final String URL_SETTING = "KEHU_DB_URL";

    public DatabaseProperties {
        url = url == null ? "" : url.trim();
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        dataDir = dataDir == null ? Path.of("data") : dataDir;
    }

    /** Tells whether the embedded H2 database is used because no URL was configured. */
    public boolean embedded() {
        return url.isBlank();
    }

    /** The JDBC URL actually used: the configured one, or the H2 file database in the data directory. */
    public String effectiveUrl() {
        if (!embedded()) {
            return url;
        }
        // DATABASE_TO_LOWER keeps unquoted and jOOQ-quoted lower-case names the same, as on PostgreSQL.
        Path file = dataDir.toAbsolutePath().normalize().resolve("kehu");
        return "jdbc:h2:file:" + file + ";DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    /** The user actually used: H2's default account when embedded and none was given. */
    public String effectiveUser() {
        return embedded() && user.isBlank() ? "sa" : user;
    }
}
