package io.kehu.platform.records;

import io.kehu.platform.support.KehuPostgresTest;

/** The record contract on PostgreSQL, in the Kehu that every {@link KehuPostgresTest} shares. */
@KehuPostgresTest
class PostgresRecordsTest extends RecordsContract {
}
