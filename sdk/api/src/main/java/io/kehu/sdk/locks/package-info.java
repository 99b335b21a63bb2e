/** Database locks for plugins whose checks must not race: {@link io.kehu.sdk.locks.PluginLocks}. */
package io.kehu.sdk.locks;
