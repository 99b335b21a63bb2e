/**
 * The PF4J plugin host: loads plugin files from the plugins directory, keeps their state in the database, checks
 * uploads, lends plugins a {@link io.kehu.sdk.PluginContext}, and plugs their extensions into the platform (forms,
 * record guards, jobs, routes, navigation, dashboard, record panels, rule functions, settings) and out again, at run
 * time. The public front is {@link io.kehu.platform.plugins.PluginHost}; the admin screen is {@code admin/plugins}.
 */
package io.kehu.platform.plugins;
