package io.kehu.platform.webhooks;

import io.kehu.platform.support.KehuTest;

/** Webhooks on embedded H2. */
@KehuTest
class H2WebhooksTest extends WebhooksContract {
}
