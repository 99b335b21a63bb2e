/** Files a plugin keeps in the platform's database (e.g. the service-visit plugin's photos): {@link io.kehu.sdk.files.PluginFiles}. */
package io.kehu.sdk.files;
