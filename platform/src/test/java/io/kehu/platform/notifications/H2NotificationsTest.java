package io.kehu.platform.notifications;

import io.kehu.platform.support.KehuTest;

/** In-app notifications on embedded H2. */
@KehuTest
class H2NotificationsTest extends NotificationsContract {
}
