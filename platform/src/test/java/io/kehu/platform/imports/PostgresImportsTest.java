package io.kehu.platform.imports;

import io.kehu.platform.support.KehuPostgresTest;

/** Imports on PostgreSQL, in the Kehu that every {@link KehuPostgresTest} shares. */
@KehuPostgresTest
class PostgresImportsTest extends ImportsContract {
}
