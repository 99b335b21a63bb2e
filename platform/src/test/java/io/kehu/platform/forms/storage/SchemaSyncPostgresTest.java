package io.kehu.platform.forms.storage;

import io.kehu.platform.support.KehuTest;
import io.kehu.platform.support.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The schema sync contract on PostgreSQL (a throw-away database on the local server), where DDL is transactional. */
@KehuTest
@DirtiesContext
public class SchemaSyncPostgresTest extends SchemaSyncContract {

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

    @Override
    boolean transactionalDdl() {
        return true;
    }
}
