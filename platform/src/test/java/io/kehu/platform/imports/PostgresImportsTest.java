package io.kehu.platform.imports;

import io.kehu.platform.support.KehuPostgresTest;

/** Imports on PostgreSQL, in a Kehu shared through {@link KehuPostgresTest}. */
@KehuPostgresTest
class PostgresImportsTest extends ImportsContract {
}
