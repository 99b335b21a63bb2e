package io.kehu.platform.notifications;

import io.kehu.platform.support.KehuPostgresTest;

/** In-app notifications on PostgreSQL, in the Kehu that every {@link KehuPostgresTest} shares. */
@KehuPostgresTest
class PostgresNotificationsTest extends NotificationsContract {
}
