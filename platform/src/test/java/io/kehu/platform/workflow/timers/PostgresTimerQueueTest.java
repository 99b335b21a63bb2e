package io.kehu.platform.workflow.timers;

import io.kehu.platform.support.KehuPostgresTest;

/** Durable timers on PostgreSQL, in a Kehu shared through {@link KehuPostgresTest}. */
@KehuPostgresTest
class PostgresTimerQueueTest extends TimerQueueContract {
}
