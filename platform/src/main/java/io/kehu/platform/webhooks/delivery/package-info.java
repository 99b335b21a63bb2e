/**
 * Sending webhook deliveries: claiming due ones ({@code kehu_webhook_delivery}, {@code kehu_webhook_attempt}),
 * Standard Webhooks signatures, the retry schedule, the chat-robot bodies and the HTTP client. Internal to webhooks.
 */
package io.kehu.platform.webhooks.delivery;
