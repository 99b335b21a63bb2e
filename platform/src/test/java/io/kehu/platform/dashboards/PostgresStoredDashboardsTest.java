package io.kehu.platform.dashboards;

import io.kehu.platform.support.KehuPostgresTest;

/** Stored dashboards on PostgreSQL, in the Kehu that every {@link KehuPostgresTest} shares. */
@KehuPostgresTest
class PostgresStoredDashboardsTest extends StoredDashboardsContract {
}
