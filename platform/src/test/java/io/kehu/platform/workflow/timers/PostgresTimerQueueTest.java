package io.kehu.platform.workflow.timers;

import io.kehu.platform.support.KehuPostgresTest;

/** Durable timers on PostgreSQL, in the Kehu that every {@link KehuPostgresTest} shares. */
@KehuPostgresTest
class PostgresTimerQueueTest extends TimerQueueContract {
}
