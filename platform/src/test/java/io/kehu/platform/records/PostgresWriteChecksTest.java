package io.kehu.platform.records;

import io.kehu.platform.support.KehuPostgresTest;

/** The single-and-bulk write checks on PostgreSQL, in the Kehu that every {@link KehuPostgresTest} shares. */
@KehuPostgresTest
class PostgresWriteChecksTest extends WriteChecksContract {
}
