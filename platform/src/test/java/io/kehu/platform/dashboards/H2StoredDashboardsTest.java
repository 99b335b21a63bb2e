package io.kehu.platform.dashboards;

import io.kehu.platform.support.KehuTest;

/** Stored dashboards on the default database: embedded H2. */
@KehuTest
class H2StoredDashboardsTest extends StoredDashboardsContract {
}
