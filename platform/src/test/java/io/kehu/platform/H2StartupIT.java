package io.kehu.platform;

import io.kehu.platform.support.TestAccounts;
import org.springframework.boot.test.context.SpringBootTest;

/** The default installation: embedded H2 in a fresh data directory. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kehu.db.url=",
        "kehu.db.data-dir=target/test-data/h2-startup-${random.uuid}",
        "kehu.demo.customers=" + StartupContract.DEMO_CUSTOMERS,
        "kehu.accounts.admin-password=" + TestAccounts.ADMIN_PASSWORD,
        "kehu.accounts.demo-password=" + TestAccounts.DEMO_PASSWORD})
class H2StartupIT extends StartupContract {
}
