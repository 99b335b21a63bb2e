/**
 * The transactional outbox: synchronous listeners write events and their deliveries inside the transaction of the
 * change (tables {@code kehu_webhook_event}, {@code kehu_webhook_delivery}). Internal to webhooks.
 */
package io.kehu.platform.webhooks.outbox;
