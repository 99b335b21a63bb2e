package io.kehu.platform.records;

import io.kehu.platform.support.KehuPostgresTest;

/** The bulk record operations on PostgreSQL, in the Kehu that every {@link KehuPostgresTest} shares. */
@KehuPostgresTest
class PostgresBulkRecordsTest extends BulkRecordsContract {
}
