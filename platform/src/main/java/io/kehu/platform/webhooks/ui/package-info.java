/** The webhooks console {@code admin/webhooks} for administrators. Internal to webhooks. */
package io.kehu.platform.webhooks.ui;
