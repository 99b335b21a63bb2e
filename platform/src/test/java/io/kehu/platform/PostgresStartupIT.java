package io.kehu.platform;

import io.kehu.platform.support.PostgresDatabase;
import io.kehu.platform.support.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Production set-up: PostgreSQL selected by configuration only, on a throw-away database of the local server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kehu.demo.customers=" + StartupContract.DEMO_CUSTOMERS,
        "kehu.accounts.admin-password=" + TestAccounts.ADMIN_PASSWORD,
        "kehu.accounts.demo-password=" + TestAccounts.DEMO_PASSWORD})
@DirtiesContext
class PostgresStartupIT extends StartupContract {

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
