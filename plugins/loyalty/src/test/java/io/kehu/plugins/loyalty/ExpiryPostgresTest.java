package io.kehu.plugins.loyalty;

import io.kehu.sdk.testkit.KehuPluginTest;

/** {@link ExpiryTest} on a throw-away PostgreSQL database (skipped with the reason when PostgreSQL is not reachable). */
@KehuPluginTest(postgres = true)
class ExpiryPostgresTest extends ExpiryTest {
}
