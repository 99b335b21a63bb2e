/**
 * The screens of plugins: the admin's Plugins screen and settings dialog, the page that shows a plugin's view, its
 * navigation entries and its home-page cards. Internal to {@code plugins}.
 */
package io.kehu.platform.plugins.ui;
