package io.kehu.platform.support;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The databases behind {@link KehuPostgresTest}: each Kehu that Spring's test context cache starts gets a throw-away
 * database of its own (the initializer runs once per started context, not per test class), and every test class that
 * reuses that context uses its database. Its {@code kehu.db.*} properties go first, above the H2 defaults of
 * {@link KehuTest}. The databases are dropped when the test JVM ends, each after its context is closed, so no pool is
 * cut off mid-use.
 */
public final class SharedPostgres implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private record Started(ConfigurableApplicationContext context, PostgresDatabase database) {
    }

    private static final List<Started> STARTED = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SharedPostgres::dropAll, "kehu-test-postgres-drop"));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        PostgresDatabase database = PostgresDatabase.create();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("kehu-test-postgres",
                Map.of("kehu.db.url", database.url(), "kehu.db.user", database.user(), "kehu.db.password",
                        database.password())));
        STARTED.add(new Started(context, database));
    }

    private static void dropAll() {
        for (Started started : STARTED) {
            // close() waits for (or does) the context's own shutdown-hook close: Spring guards both with one lock.
            started.context().close();
            try {
                started.database().close();
            } catch (SQLException e) {
                System.err.println("Could not drop test database " + started.database().url() + ": " + e.getMessage());
            }
        }
    }
}
