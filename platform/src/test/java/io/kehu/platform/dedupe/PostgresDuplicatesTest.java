package io.kehu.platform.dedupe;

import io.kehu.platform.support.KehuPostgresTest;

/** Duplicates and merge on PostgreSQL, in the Kehu that every {@link KehuPostgresTest} shares. */
@KehuPostgresTest
class PostgresDuplicatesTest extends DuplicatesContract {
}
