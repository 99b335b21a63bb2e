package io.kehu.platform.api;

import io.kehu.platform.support.PostgresDatabase;
import io.kehu.platform.support.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The API contract on a throw-away PostgreSQL database of the local server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kehu.forms.seed=false",
        "kehu.demo.customers=0",
        ApiContract.PROPERTIES_RATE,
        "kehu.accounts.admin-password=" + TestAccounts.ADMIN_PASSWORD,
        "kehu.accounts.demo-password=" + TestAccounts.DEMO_PASSWORD})
@DirtiesContext
@org.springframework.context.annotation.Import(ApiListColumns.class)
class PostgresApiTest extends ApiContract {

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
