package io.kehu.platform.api;

import io.kehu.platform.support.TestAccounts;
import org.springframework.boot.test.context.SpringBootTest;

/** Workflow transitions and tasks over the API on the embedded H2 database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kehu.db.url=",
        "kehu.db.data-dir=target/test-data/${random.uuid}",
        "kehu.forms.seed=false",
        "kehu.demo.customers=0",
        ApiContract.PROPERTIES_RATE,
        ApiContract.PROPERTIES_OWN,
        "kehu.accounts.admin-password=" + TestAccounts.ADMIN_PASSWORD,
        "kehu.accounts.demo-password=" + TestAccounts.DEMO_PASSWORD})
class H2ApiWorkflowTest extends ApiWorkflowContract {
}
