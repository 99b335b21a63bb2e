package io.kehu.platform.records;

import io.kehu.platform.support.KehuPostgresTest;

/** Contributed list columns on PostgreSQL. */
@KehuPostgresTest
class PostgresListColumnsTest extends ListColumnsContract {
}
