package io.kehu.platform.records;

import io.kehu.platform.support.KehuTest;

/** The bulk record operations on the default database: embedded H2. */
@KehuTest
class H2BulkRecordsTest extends BulkRecordsContract {
}
