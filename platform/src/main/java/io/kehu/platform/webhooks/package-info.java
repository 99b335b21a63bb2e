/**
 * Signed outgoing webhooks: a transactional outbox of record and workflow events (internal {@code outbox}), the
 * endpoints admins subscribe with their secrets (internal {@code endpoints}), delivery with Standard Webhooks
 * signatures, retries with backoff, auto-disable, and chat-robot payloads for WeCom, DingTalk and Feishu (internal
 * {@code delivery}), and the console {@code admin/webhooks} (internal {@code ui}). The front is {@link
 * io.kehu.platform.webhooks.Webhooks}; see docs/webhooks.md.
 */
package io.kehu.platform.webhooks;
