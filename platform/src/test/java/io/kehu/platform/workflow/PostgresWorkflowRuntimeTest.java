package io.kehu.platform.workflow;

import io.kehu.platform.support.KehuTest;
import io.kehu.platform.support.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The workflow runtime on PostgreSQL, on a throw-away database of its own: not in the shared {@code KehuPostgresTest}
 * context, because its revisit case expects the seeded manager to be the least busy eligible assignee, which stops
 * holding once other contracts have added staff accounts to the same database.
 */
@KehuTest
@DirtiesContext
class PostgresWorkflowRuntimeTest extends WorkflowRuntimeContract {

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
