package io.kehu.plugins.churn;

import io.kehu.sdk.testkit.KehuPluginTest;

/** {@link ChurnPeriodRatesTest} on a throw-away PostgreSQL database (skipped with the reason when it is not reachable). */
@KehuPluginTest(postgres = true)
class ChurnPeriodRatesPostgresTest extends ChurnPeriodRatesTest {
}
