package io.kehu.platform.records;

import io.kehu.platform.support.KehuTest;

/** Contributed list columns on the default database, embedded H2. */
@KehuTest
class H2ListColumnsTest extends ListColumnsContract {
}
