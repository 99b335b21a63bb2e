/** Webhook endpoints and their signing secrets (table {@code kehu_webhook_endpoint}). Internal to webhooks. */
package io.kehu.platform.webhooks.endpoints;
