package io.kehu.platform.dedupe;

import io.kehu.platform.support.KehuPostgresTest;

/** Duplicates and merge on PostgreSQL, in a Kehu shared through {@link KehuPostgresTest}. */
@KehuPostgresTest
class PostgresDuplicatesTest extends DuplicatesContract {
}
