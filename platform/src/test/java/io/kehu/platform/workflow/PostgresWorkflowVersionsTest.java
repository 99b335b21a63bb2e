package io.kehu.platform.workflow;

import io.kehu.platform.support.KehuTest;
import io.kehu.platform.support.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The workflow versions on PostgreSQL, on a throw-away database of the local server. */
@KehuTest
@DirtiesContext
class PostgresWorkflowVersionsTest extends WorkflowVersionsContract {

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
