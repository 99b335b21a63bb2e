package io.kehu.platform.webhooks;

import io.kehu.platform.support.KehuPostgresTest;

/** Webhooks on PostgreSQL, in a Kehu shared through {@link KehuPostgresTest}. */
@KehuPostgresTest
class PostgresWebhooksTest extends WebhooksContract {
}
