package io.kehu.platform.workflow;

import io.kehu.platform.support.KehuPostgresTest;

/** Handing tasks on, on PostgreSQL, in the Kehu shared through {@link KehuPostgresTest}. */
@KehuPostgresTest
class PostgresTaskHandOffTest extends TaskHandOffContract {
}
