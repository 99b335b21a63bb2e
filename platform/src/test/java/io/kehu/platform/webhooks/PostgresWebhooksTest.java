package io.kehu.platform.webhooks;

import io.kehu.platform.support.KehuPostgresTest;

/** Webhooks on PostgreSQL, in the Kehu that every {@link KehuPostgresTest} shares. */
@KehuPostgresTest
class PostgresWebhooksTest extends WebhooksContract {
}
