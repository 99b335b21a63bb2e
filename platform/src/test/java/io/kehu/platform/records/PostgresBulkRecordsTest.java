package io.kehu.platform.records;

import io.kehu.platform.support.KehuPostgresTest;

/** The bulk record operations on PostgreSQL, in a Kehu shared through {@link KehuPostgresTest}. */
@KehuPostgresTest
class PostgresBulkRecordsTest extends BulkRecordsContract {
}
