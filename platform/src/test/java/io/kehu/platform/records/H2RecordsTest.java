package io.kehu.platform.records;

import io.kehu.platform.support.KehuTest;

/** The record contract on the default database: embedded H2 in a fresh data directory. */
@KehuTest
class H2RecordsTest extends RecordsContract {
}
