package io.kehu.platform.records;

import io.kehu.platform.support.KehuPostgresTest;

/** The single-and-bulk write checks on PostgreSQL, in a Kehu shared through {@link KehuPostgresTest}. */
@KehuPostgresTest
class PostgresWriteChecksTest extends WriteChecksContract {
}
