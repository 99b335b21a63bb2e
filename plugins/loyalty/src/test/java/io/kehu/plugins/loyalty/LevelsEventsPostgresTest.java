package io.kehu.plugins.loyalty;

import io.kehu.sdk.testkit.KehuPluginTest;

/** {@link LevelsEventsTest} on a throw-away PostgreSQL database (skipped with the reason when PostgreSQL is not reachable). */
@KehuPluginTest(postgres = true)
class LevelsEventsPostgresTest extends LevelsEventsTest {
}
