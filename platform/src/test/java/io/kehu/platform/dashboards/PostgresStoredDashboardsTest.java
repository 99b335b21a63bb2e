package io.kehu.platform.dashboards;

import io.kehu.platform.support.KehuPostgresTest;

/** Stored dashboards on PostgreSQL, in a Kehu shared through {@link KehuPostgresTest}. */
@KehuPostgresTest
class PostgresStoredDashboardsTest extends StoredDashboardsContract {
}
