package io.kehu.plugins.churn;

import io.kehu.sdk.testkit.KehuPluginTest;

/** {@link ChurnPluginTest} on a throw-away PostgreSQL database (skipped with the reason when PostgreSQL is not reachable). */
@KehuPluginTest(postgres = true)
class ChurnPluginPostgresTest extends ChurnPluginTest {
}
