package io.kehu.platform.records;

import io.kehu.platform.support.KehuPostgresTest;

/** The record contract on PostgreSQL, in a Kehu shared through {@link KehuPostgresTest}. */
@KehuPostgresTest
class PostgresRecordsTest extends RecordsContract {
}
