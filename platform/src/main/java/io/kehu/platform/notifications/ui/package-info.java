/** The notification bell in the header and its list (internal to {@code notifications}). */
package io.kehu.platform.notifications.ui;
