package io.kehu.platform.notifications;

import io.kehu.platform.support.KehuPostgresTest;

/** In-app notifications on PostgreSQL, in a Kehu shared through {@link KehuPostgresTest}. */
@KehuPostgresTest
class PostgresNotificationsTest extends NotificationsContract {
}
