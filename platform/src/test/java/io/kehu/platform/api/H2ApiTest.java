package io.kehu.platform.api;

import io.kehu.platform.support.TestAccounts;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The API contract on the embedded H2 database, in the API tests' own context ({@link ApiContract#PROPERTIES_OWN}):
 * sharing the sign-in tests' context made every token of the seeded accounts unknown in CI.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kehu.db.url=",
        "kehu.db.data-dir=target/test-data/${random.uuid}",
        "kehu.forms.seed=false",
        "kehu.demo.customers=0",
        ApiContract.PROPERTIES_RATE,
        ApiContract.PROPERTIES_OWN,
        "kehu.accounts.admin-password=" + TestAccounts.ADMIN_PASSWORD,
        "kehu.accounts.demo-password=" + TestAccounts.DEMO_PASSWORD})
@org.springframework.context.annotation.Import(ApiListColumns.class)
class H2ApiTest extends ApiContract {
}
