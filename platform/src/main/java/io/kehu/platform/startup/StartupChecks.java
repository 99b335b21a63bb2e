package io.kehu.platform.startup;

import io.kehu.platform.storage.DatabaseProperties;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Checks the port and the database as soon as the configuration is known, before Spring creates a single bean.
 *
 * <p>Without this a busy port is found only after the database was migrated, and an unreachable database surfaces as
 * a connection-pool stack trace hundreds of lines long. Registered in {@code META-INF/spring.factories}; switch off
 * with {@code kehu.startup-checks=false}.
 */
public class StartupChecks implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final int LOGIN_TIMEOUT_SECONDS = 5;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        if (!env.getProperty("kehu.startup-checks", Boolean.class, true)) {
            return;
        }
        checkPort(env.getProperty("server.port", Integer.class, 8080));
        Binder.get(env).bind("kehu.db", DatabaseProperties.class).ifBound(StartupChecks::checkDatabase);
    }

    /** Fails when something already listens on {@code port}; port 0 (pick a free one) always passes. */
    static void checkPort(int port) {
        if (port <= 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new StartupCheckException(
                    "Port " + port + " is already in use (setting KEHU_PORT / server.port).",
                    "Stop the program listening on port " + port + ", or start Kehu on another port, e.g. KEHU_PORT=8081.");
        }
    }

    /** Fails when the configured database cannot be reached with the configured account. */
    static void checkDatabase(DatabaseProperties db) {
        String setting = db.embedded() ? "KEHU_DATA_DIR / kehu.db.data-dir" : DatabaseProperties.URL_SETTING;
        Properties credentials = new Properties();
        credentials.setProperty("user", db.effectiveUser());
        credentials.setProperty("password", db.password());
        DriverManager.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
        try (Connection ignored = DriverManager.getConnection(db.effectiveUrl(), credentials)) {
            // reachable
        } catch (SQLException e) {
            throw new StartupCheckException(
                    "Cannot open the database " + describe(db) + " (setting " + setting + "): " + rootMessage(e),
                    db.embedded()
                            ? "Check that the data directory is writable and not used by another running Kehu."
                            : "Check KEHU_DB_URL, KEHU_DB_USER and KEHU_DB_PASSWORD, that the server runs and accepts"
                                    + " the user; or unset KEHU_DB_URL to use the embedded H2 database.");
        }
    }

    private static String describe(DatabaseProperties db) {
        return db.embedded() ? "in " + db.dataDir().toAbsolutePath().normalize() : db.url();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }
}
