package io.kehu.platform.plugins.locks;

import io.kehu.platform.support.KehuPostgresTest;

/** Plugin locks on PostgreSQL, in a Kehu shared through {@link KehuPostgresTest}. */
@KehuPostgresTest
class PostgresPluginLocksTest extends PluginLocksContract {
}
