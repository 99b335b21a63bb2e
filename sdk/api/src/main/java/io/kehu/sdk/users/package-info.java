/** The platform's users, read-only, for plugins: {@link io.kehu.sdk.users.PluginUsers}. */
package io.kehu.sdk.users;
