package io.kehu.platform.metrics;

import io.kehu.platform.support.KehuTest;
import io.kehu.platform.support.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The metrics on PostgreSQL, on a throw-away database of the local server. */
@KehuTest
@DirtiesContext
class PostgresMetricsTest extends MetricsContract {

    private static PostgresDatabase database;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = PostgresDatabase.create();
        database.register(registry);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        database.close();
    }
}
