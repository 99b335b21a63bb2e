/**
 * Getting plugin files in and running: PF4J's manager, uploads with their checks (descriptor, SHA-256, size), bundled
 * plugins installed or upgraded at start-up, and the lifecycle of install, enable, disable, upgrade with undo and
 * removal. Internal to {@code plugins}: other features ask {@link io.kehu.platform.plugins.PluginHost}.
 */
package io.kehu.platform.plugins.install;
