package io.kehu.platform.support;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The database behind {@link KehuPostgresTest}: created when the first such context starts, dropped when the test JVM
 * ends, after the contexts using it are closed (so no pool is cut off mid-use). Its {@code kehu.db.*} properties go
 * first, above the H2 defaults of {@link KehuTest}.
 */
public final class SharedPostgres implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final List<ConfigurableApplicationContext> CONTEXTS = new CopyOnWriteArrayList<>();
    private static PostgresDatabase database;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        PostgresDatabase db = database();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("kehu-shared-postgres",
                Map.of("kehu.db.url", db.url(), "kehu.db.user", db.user(), "kehu.db.password", db.password())));
        CONTEXTS.add(context);
    }

    private static synchronized PostgresDatabase database() {
        if (database == null) {
            database = PostgresDatabase.create();
            Runtime.getRuntime().addShutdownHook(new Thread(SharedPostgres::drop, "kehu-test-shared-postgres-drop"));
        }
        return database;
    }

    private static void drop() {
        // close() waits for (or does) the context's own shutdown-hook close: Spring guards both with one lock.
        CONTEXTS.forEach(ConfigurableApplicationContext::close);
        try {
            database.close();
        } catch (SQLException e) {
            System.err.println("Could not drop the shared test database " + database.url() + ": " + e.getMessage());
        }
    }
}
